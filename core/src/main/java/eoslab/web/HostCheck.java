package eoslab.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The guard against DNS rebinding and cross-site requests: a request's {@code Host} header must name this server (a
 * loopback name, the bound address, or a name allowed with {@code --allow-host}) with its port, and an
 * {@code Origin} header, when present, must be this server's own origin.
 */
final class HostCheck {
    private final Set<String> names = new HashSet<>();
    private final int port;

    /**
     * @param bind  the bound address
     * @param port  the bound port
     * @param extra further host names to accept
     */
    HostCheck(InetAddress bind, int port, List<String> extra) {
        this.port = port;
        names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        String a = bind.getHostAddress();
        names.add(a.contains(":") ? "[" + a + "]" : a);
        for (String e : extra) {
            names.add(e.toLowerCase(Locale.ROOT));
        }
    }

    /** True when a Host header names this server. */
    boolean host(String header) {
        if (header == null) {
            return false;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        String name = h;
        String p = null;
        int close = h.lastIndexOf(']');
        int colon = h.lastIndexOf(':');
        if (colon > close && (h.startsWith("[") || h.indexOf(':') == colon)) {
            name = h.substring(0, colon);
            p = h.substring(colon + 1);
        }
        return names.contains(name) && (p == null || p.equals(Integer.toString(port)));
    }

    /** True when an Origin header (or its absence) is this server's own. */
    boolean origin(String header) {
        if (header == null) {
            return true;
        }
        try {
            URI u = new URI(header.trim());
            if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                return false;
            }
            int p = u.getPort() < 0 ? 80 : u.getPort();
            return p == port && host(u.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
