import http.server, urllib.parse, sys
class H(http.server.SimpleHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers['Content-Length']); body = self.rfile.read(n)
        q = urllib.parse.urlparse(self.path); params = urllib.parse.parse_qs(q.query)
        name = params.get('mode', ['err'])[0] + '-' + ('firefox' if 'Firefox' in self.headers.get('User-Agent','') else 'chrome')
        open(name + '.sdp', 'wb').write(body)
        open(name + '.ua', 'w').write(params.get('ua', [''])[0])
        self.send_response(200); self.end_headers()
http.server.ThreadingHTTPServer(('127.0.0.1', 8765), H).serve_forever()
