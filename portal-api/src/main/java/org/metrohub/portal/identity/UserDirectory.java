package org.metrohub.portal.identity;

import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tenants and users in PostgreSQL. */
@Repository
public class UserDirectory {

    private final DatabaseClient db;

    public UserDirectory(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A user by id (a UUID) or user name, as the API shows them (no password hash); empty when the directory
     * has none. Users of an external issuer are not in the directory.
     */
    public Mono<UserView> findUser(String idOrUsername) {
        Mono<UserAccount> account = asUuid(idOrUsername) != null ? findById(asUuid(idOrUsername))
                : findByUsername(idOrUsername);
        return account.map(a -> UserView.of(a.toCurrentUser()));
    }

    private static UUID asUuid(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Mono<UserAccount> findByUsername(String username) {
        return db.sql("SELECT id, tenant_id, username, display_name, password_hash, roles FROM app_user WHERE username = :u")
                .bind("u", username)
                .map(UserDirectory::account)
                .one();
    }

    /** The user of this name as a caller, e.g. the technical user a service acts as; empty if unknown. */
    public Mono<CurrentUser> findCaller(String username) {
        return findByUsername(username).map(UserAccount::toCurrentUser);
    }

    Mono<UserAccount> findById(UUID id) {
        return db.sql("SELECT id, tenant_id, username, display_name, password_hash, roles FROM app_user WHERE id = :id")
                .bind("id", id)
                .map(UserDirectory::account)
                .one();
    }

    Flux<UserAccount> findByTenant(String tenant) {
        return db.sql("SELECT id, tenant_id, username, display_name, password_hash, roles FROM app_user "
                        + "WHERE tenant_id = :t ORDER BY username")
                .bind("t", tenant)
                .map(UserDirectory::account)
                .all();
    }

    Mono<Void> saveTenant(String id, String name) {
        return db.sql("INSERT INTO tenant (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING")
                .bind("id", id).bind("name", name).then();
    }

    Mono<Void> saveUser(UserAccount user) {
        return db.sql("INSERT INTO app_user (id, tenant_id, username, display_name, password_hash, roles) "
                        + "VALUES (:id, :tenant, :username, :name, :hash, :roles) ON CONFLICT (username) DO NOTHING")
                .bind("id", user.id())
                .bind("tenant", user.tenant())
                .bind("username", user.username())
                .bind("name", user.displayName())
                .bind("hash", user.passwordHash())
                .bind("roles", user.roles().stream().map(Role::name).toArray(String[]::new))
                .then();
    }

    private static UserAccount account(Readable row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.get("roles", String[].class)).forEach(r -> Role.parse(r).ifPresent(roles::add));
        return new UserAccount(row.get("id", UUID.class), row.get("tenant_id", String.class),
                row.get("username", String.class), row.get("display_name", String.class),
                row.get("password_hash", String.class), roles);
    }
}
