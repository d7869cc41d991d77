package dev.herald.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Server-side request forgery guard: refuses to fetch from loopback, private, link-local (cloud
 * metadata at 169.254.169.254 among them), carrier-grade NAT, unique-local IPv6 and other
 * non-public addresses, unless an allowed range covers them. The check runs on the addresses the
 * host name resolves to (every one of them, so a name that also resolves inward is refused) and is
 * applied by the fetcher before the first request and before following every redirect.
 *
 * <p>DNS rebinding: the JVM caches a successful lookup (30 s by default), so the HTTP client
 * connects to the address checked here when it connects right after the check, as the fetcher does.
 */
public final class AddressGuard {

  /** Why a host was refused, for the fetch failure message. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /** No check at all (the default: Herald also reads feeds from intranets and test servers). */
  public static final AddressGuard OFF = new AddressGuard(false, List.of());

  private final boolean enabled;
  private final List<Cidr> allowed;

  private AddressGuard(boolean enabled, List<Cidr> allowed) {
    this.enabled = enabled;
    this.allowed = List.copyOf(allowed);
  }

  /**
   * Public addresses only, except the given ranges ({@code 10.1.0.0/16}, {@code 127.0.0.1}, {@code
   * fd00::/8}).
   *
   * @throws IllegalArgumentException for a range that is not an IP address or CIDR block
   */
  public static AddressGuard publicOnly(List<String> allowedRanges) {
    List<Cidr> ranges = new ArrayList<>();
    for (String r : allowedRanges) {
      ranges.add(Cidr.parse(r));
    }
    return new AddressGuard(true, ranges);
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * Resolves {@code host} and refuses it when any of its addresses is not public and not allowed.
   *
   * @throws RefusedException with a message naming the address (never the URL)
   * @throws UnknownHostException when the name does not resolve
   */
  public void check(String host) throws RefusedException, UnknownHostException {
    if (!enabled) {
      return;
    }
    Objects.requireNonNull(host, "host");
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    for (InetAddress address : InetAddress.getAllByName(h)) {
      if (!isPublic(address) && allowed.stream().noneMatch(c -> c.contains(address))) {
        throw new RefusedException(
            "address " + address.getHostAddress() + " is not public (SSRF guard)");
      }
    }
  }

  /** Whether the address is routable on the public internet. */
  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int o0 = b[0] & 0xff;
      int o1 = b[1] & 0xff;
      return !(o0 == 0 // "this" network
          || (o0 == 100 && o1 >= 64 && o1 <= 127) // carrier-grade NAT
          || (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (o0 == 198 && (o1 == 18 || o1 == 19)) // benchmarking
          || o0 >= 240); // reserved and broadcast
    }
    if (a instanceof Inet6Address) {
      int o0 = b[0] & 0xff;
      if ((o0 & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      if (isEmbeddedIpv4(b)) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return isPublic(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) forms carry an IPv4 address. */
  private static boolean isEmbeddedIpv4(byte[] b) {
    boolean zeros = true;
    for (int i = 0; i < 12; i++) {
      zeros &= b[i] == 0;
    }
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b;
    return zeros || nat64;
  }

  /** An address range. */
  record Cidr(byte[] network, int prefix) {

    static Cidr parse(String spec) {
      String s = spec.strip().toLowerCase(Locale.ROOT);
      int slash = s.indexOf('/');
      String ip = slash < 0 ? s : s.substring(0, slash);
      if (!ip.matches("[0-9a-f:.]+") || (!ip.contains(".") && !ip.contains(":"))) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + spec);
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(ip).getAddress(); // a literal: no DNS lookup
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + spec, e);
      }
      int prefix = bytes.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad prefix length: " + spec, e);
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
          throw new IllegalArgumentException("bad prefix length: " + spec);
        }
      }
      return new Cidr(bytes, prefix);
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (network[full] & mask);
    }
  }
}
