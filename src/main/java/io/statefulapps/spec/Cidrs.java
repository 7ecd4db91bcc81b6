package io.statefulapps.spec;

import java.util.regex.Pattern;

/**
 * CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), checked by hand: {@code InetAddress}
 * would resolve a malformed IPv4 literal as a host name, which is I/O.
 */
final class Cidrs {

    private static final Pattern IPV4_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");

    private Cidrs() {
    }

    static boolean isCidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || !PREFIX_LENGTH.matcher(value.substring(slash + 1)).matches()) {
            return false;
        }
        String address = value.substring(0, slash);
        int prefix = Integer.parseInt(value.substring(slash + 1));
        if (address.contains(":")) {
            return prefix <= 128 && isIpv6(address);
        }
        return prefix <= 32 && isIpv4(address);
    }

    static boolean isIpv4(String address) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!IPV4_OCTET.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String address) {
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] halves = doubleColon >= 0
                ? new String[] {address.substring(0, doubleColon), address.substring(doubleColon + 2)}
                : new String[] {address};
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (IPV6_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }
}
