package org.metrohub.portal.identity;

/** What a token this hub signs is for. A token is accepted only where its audience is expected. */
public enum TokenAudience {
    /** Calls to {@code /api/**}. */
    API("metrohub-api"),
    /** One use of {@code POST /api/auth/refresh}. */
    REFRESH("metrohub-refresh"),
    /** Joining one room's media session; carries the room id and the role in that room. */
    ROOM("metrohub-media"),
    /** One exchange at {@code POST /api/auth/guest} for a guest's access token confined to one room. */
    GUEST_TICKET("metrohub-guest-ticket");

    private final String value;

    TokenAudience(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
