// Hash router: "#/rooms/ID?kind=CLASS" -> view(root, {params, query, signal, navigate}).
// Each render gets a fresh root element and an AbortSignal that fires when the page is left.

function compile(pattern) {
  const names = [];
  const source = pattern.replace(/:([a-zA-Z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${source}$`), names };
}

export function parseHash(hash) {
  const raw = String(hash ?? '').replace(/^#/, '');
  const at = raw.indexOf('?');
  const path = (at < 0 ? raw : raw.slice(0, at)) || '/';
  return { path, query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

export function createRouter(outlet, routes, { guard, notFound, context: extraContext } = {}) {
  const compiled = routes.map((route) => ({ ...route, ...compile(route.path) }));
  let current = null;

  function match(path) {
    for (const route of compiled) {
      const m = route.regex.exec(path);
      if (m) {
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
        return { route, params };
      }
    }
    return null;
  }

  function render() {
    const { path, query } = parseHash(location.hash);
    const redirect = guard?.(path, query);
    if (redirect) {
      navigate(redirect, { replace: true });
      return;
    }
    current?.abort();
    current = new AbortController();
    const root = document.createElement('div');
    root.className = 'view';
    outlet.replaceChildren(root);
    const found = match(path);
    const view = found ? found.route.view : notFound;
    const context = { ...(extraContext?.() ?? {}), params: found?.params ?? {}, query, path, signal: current.signal, navigate };
    const fail = (error) => {
      console.error('view failed', error);
      root.replaceChildren('This page could not be shown. Please reload.');
    };
    try {
      Promise.resolve(view(root, context)).catch(fail);
    } catch (error) {
      fail(error);
    }
    const focusTarget = root.querySelector('[autofocus]') ?? root.querySelector('h1');
    focusTarget?.focus({ preventScroll: true });
  }

  function navigate(to, { replace = false } = {}) {
    const hash = `#${to}`;
    if (replace) {
      history.replaceState(null, '', hash);
      render();
    } else if (location.hash === hash) {
      render();
    } else {
      location.hash = hash;
    }
  }

  return {
    start() {
      window.addEventListener('hashchange', render);
      render();
    },
    navigate,
    refresh: render,
  };
}
