package org.metrohub.portal.identity;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Seeds two demo municipalities, Riverton and Lakeside, each with one user per role ({@code teacher@riverton},
 * …) and a second student ({@code student2@riverton}, so a course can have a student who is not enrolled), when
 * {@code metrohub.security.demo.enabled} is on. Runs once at start on the main thread; existing
 * records are left as they are. User ids are derived from the user name, so every instance agrees on them.
 */
@Component
public class DemoDirectorySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectorySeeder.class);
    static final List<String> TENANTS = List.of("riverton", "lakeside");
    /** Demo users beyond one per role: user name before the {@code @}, and role. */
    static final List<Map.Entry<String, Role>> EXTRA_USERS = List.of(Map.entry("student2", Role.STUDENT));

    private final UserDirectory users;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;

    public DemoDirectorySeeder(UserDirectory users, PasswordEncoder passwords, SecurityProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled()) {
            return;
        }
        String hash = passwords.encode(properties.demo().password());
        Flux.fromIterable(TENANTS)
                .concatMap(tenant -> users.saveTenant(tenant, capitalise(tenant))
                        .thenMany(Flux.fromArray(Role.values())
                                .filter(role -> role != Role.GUEST)
                                .concatMap(role -> users.saveUser(demoUser(tenant, role.name().toLowerCase(), role, hash))))
                        .thenMany(Flux.fromIterable(EXTRA_USERS)
                                .concatMap(e -> users.saveUser(demoUser(tenant, e.getKey(), e.getValue(), hash)))))
                .blockLast();
        log.info("Demo tenants {} ready: users <role>@<tenant>, e.g. teacher@riverton, and student2@<tenant>", TENANTS);
    }

    private static UserAccount demoUser(String tenant, String name, Role role, String hash) {
        String username = name + "@" + tenant;
        UUID id = UUID.nameUUIDFromBytes(("metrohub-demo:" + username).getBytes(StandardCharsets.UTF_8));
        String displayName = capitalise(tenant) + " " + capitalise(name.replaceAll("([a-z])([0-9])", "$1 $2"));
        return new UserAccount(id, tenant, username, displayName, hash, EnumSet.of(role));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
