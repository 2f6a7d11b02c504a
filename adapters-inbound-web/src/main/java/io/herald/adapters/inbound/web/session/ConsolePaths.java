package io.herald.adapters.inbound.web.session;

/** Where the console lives, and the names its session travels under. */
public final class ConsolePaths {

    public static final String CONSOLE = "/console";
    public static final String LOGIN = CONSOLE + "/login";
    public static final String LOGOUT = CONSOLE + "/logout";
    public static final String ASSETS = CONSOLE + "/assets";
    public static final String WEBJARS = CONSOLE + "/webjars";
    public static final String SESSION_COOKIE = "herald_console";
    public static final String SESSION_ATTRIBUTE = "herald.console.session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    private ConsolePaths() {
    }

    /**
     * The login page and the static files it needs: reachable without a session. A path with a dot segment is never
     * open, so {@code /console/assets/../messages} cannot pass for a static file whatever the router makes of it.
     */
    static boolean isOpen(String path) {
        if (path.contains("/.") || path.contains("\\")) {
            return false;
        }
        return path.equals(LOGIN) || path.startsWith(ASSETS + "/") || path.startsWith(WEBJARS + "/");
    }
}
