package io.pdig.analyzer.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds {@link ValueTest}s: parses the right-hand values once by the field's {@link ValueKind}
 * and returns a closure that compares with no further parsing. Semantics follow libsinsp
 * (filter_compare.cpp): string ops are byte-exact, icontains/iglob fold ASCII case, regex is a
 * full match, pmatch is a path-prefix match by components, {@code in} is set membership.
 */
public final class ValueTests {
    private static final Set<String> STRING_OPS = Set.of("=", "==", "!=", "<", "<=", ">", ">=", "contains",
            "icontains", "startswith", "endswith", "glob", "iglob", "regex", "in", "intersects", "pmatch");
    private static final Set<String> SCALAR_OPS = Set.of("=", "==", "!=", "in", "intersects");
    private static final Set<String> NUMBER_OPS = Set.of("=", "==", "!=", "<", "<=", ">", ">=", "in", "intersects");
    private static final Set<String> BYTES_OPS = Set.of("=", "==", "!=", "contains", "bcontains", "startswith",
            "bstartswith", "endswith", "in", "intersects");
    private static final Map<String, Long> SERVICES = Map.of("ftp", 21L, "ssh", 22L, "telnet", 23L, "smtp", 25L,
            "domain", 53L, "http", 80L, "https", 443L, "kerberos", 88L, "ntp", 123L, "ldap", 389L);

    private ValueTests() {
    }

    /** True for operators whose right side is a list. */
    public static boolean isListOp(String op) {
        return op.equals("in") || op.equals("intersects") || op.equals("pmatch");
    }

    /**
     * The test for {@code op} (with optional modifier) over {@code values}; {@code port} makes
     * numbers accept service names. Throws {@link FilterException} at {@code pos} when the operator
     * does not apply to the kind or a value does not parse.
     */
    public static ValueTest build(ValueKind kind, boolean port, String op, String modifier, List<String> values, Pos pos) {
        Set<String> allowed = switch (kind) {
            case STRING -> STRING_OPS;
            case NUMBER -> NUMBER_OPS;
            case BOOL, IP -> SCALAR_OPS;
            case BYTES -> BYTES_OPS;
        };
        if (op.equals("bcontains") || op.equals("bstartswith")) {
            if (kind != ValueKind.BYTES) {
                throw new FilterException("'" + op + "' operator not supported for " + kind.family() + " filters", pos);
            }
        } else if (!allowed.contains(op)) {
            throw new FilterException("'" + op + "' operator not supported for " + kind.family() + " filters", pos);
        }
        if (modifier != null) {
            if (isListOp(op)) {
                throw new FilterException("modifier '" + modifier + "' cannot follow list operator '" + op + "'", pos);
            }
            List<ValueTest> parts = new ArrayList<>();
            for (String v : values) {
                parts.add(single(kind, port, op, List.of(v), pos));
            }
            ValueTest[] arr = parts.toArray(ValueTest[]::new);
            return switch (modifier) {
                case "anyof" -> v -> {
                    for (ValueTest t : arr) {
                        if (t.test(v)) return true;
                    }
                    return false;
                };
                case "allof" -> v -> {
                    for (ValueTest t : arr) {
                        if (!t.test(v)) return false;
                    }
                    return true;
                };
                default -> v -> {
                    int n = 0;
                    for (ValueTest t : arr) {
                        if (t.test(v) && ++n > 1) return false;
                    }
                    return n == 1;
                };
            };
        }
        return single(kind, port, op, values, pos);
    }

    private static ValueTest single(ValueKind kind, boolean port, String op, List<String> values, Pos pos) {
        if (!isListOp(op) && values.size() != 1) {
            throw new FilterException("operator '" + op + "' takes a single value", pos);
        }
        return switch (kind) {
            case STRING -> string(op, values, pos);
            case NUMBER -> number(op, values, port, pos);
            case BOOL -> bool(op, values, pos);
            case IP -> ip(op, values, pos);
            case BYTES -> bytes(op, values, pos);
        };
    }

    // ---- strings ----------------------------------------------------------------------------

    private static ValueTest string(String op, List<String> values, Pos pos) {
        if (isListOp(op)) {
            if (op.equals("pmatch")) {
                String[] prefixes = values.stream().map(ValueTests::trimSlash).toArray(String[]::new);
                return v -> pathPrefix(str(v), prefixes);
            }
            if (values.size() == 1) {
                String one = values.get(0);
                return v -> one.equals(str(v));
            }
            if (values.size() <= 8) {
                // Extracted strings are usually fresh objects without a cached hash: for short
                // lists comparing lengths and then bytes beats hashing the whole value.
                String[] arr = new HashSet<>(values).toArray(String[]::new);
                return v -> {
                    String s = str(v);
                    for (String x : arr) {
                        if (x.length() == s.length() && x.equals(s)) return true;
                    }
                    return false;
                };
            }
            Set<String> set = new HashSet<>(values);
            return v -> set.contains(str(v));
        }
        String r = values.get(0);
        return switch (op) {
            case "=", "==" -> v -> r.equals(str(v));
            case "!=" -> v -> !r.equals(str(v));
            case "<" -> v -> str(v).compareTo(r) < 0;
            case "<=" -> v -> str(v).compareTo(r) <= 0;
            case ">" -> v -> str(v).compareTo(r) > 0;
            case ">=" -> v -> str(v).compareTo(r) >= 0;
            case "contains" -> v -> str(v).contains(r);
            case "icontains" -> {
                char[] needle = Glob.asciiLower(r).toCharArray();
                yield v -> containsIgnoreCase(str(v), needle);
            }
            case "startswith" -> v -> str(v).startsWith(r);
            case "endswith" -> v -> str(v).endsWith(r);
            case "glob" -> {
                Glob g = new Glob(r, false);
                yield v -> g.matches(str(v));
            }
            case "iglob" -> {
                Glob g = new Glob(r, true);
                yield v -> g.matches(str(v));
            }
            case "regex" -> {
                Pattern p;
                try {
                    p = Pattern.compile(r);
                } catch (PatternSyntaxException e) {
                    throw new FilterException("invalid regex pattern: " + e.getDescription(), pos);
                }
                yield v -> p.matcher(str(v)).matches();
            }
            default -> throw new FilterException("'" + op + "' operator not supported for string filters", pos);
        };
    }

    static String str(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        return String.valueOf(v);
    }

    private static String trimSlash(String p) {
        String s = p;
        while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** {@code path} equals a prefix or continues it with '/'. */
    private static boolean pathPrefix(String path, String[] prefixes) {
        for (String p : prefixes) {
            if (path.startsWith(p)) {
                int n = p.length();
                if (path.length() == n || path.charAt(n) == '/' || p.equals("/")) return true;
            }
        }
        return false;
    }

    /** strcasestr with ASCII folding; {@code needle} is already lower-case. */
    static boolean containsIgnoreCase(String hay, char[] needle) {
        int n = needle.length;
        int last = hay.length() - n;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < n; j++) {
                if (Glob.lower(hay.charAt(i + j)) != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    // ---- numbers ----------------------------------------------------------------------------

    private static ValueTest number(String op, List<String> values, boolean port, Pos pos) {
        long[] nums = new long[values.size()];
        for (int i = 0; i < nums.length; i++) {
            nums[i] = parseNumber(values.get(i), port, pos);
        }
        if (isListOp(op)) {
            if (nums.length <= 8) {
                return v -> {
                    Long x = num(v);
                    if (x == null) return false;
                    long y = x;
                    for (long n : nums) {
                        if (n == y) return true;
                    }
                    return false;
                };
            }
            Set<Long> set = new HashSet<>();
            for (long n : nums) set.add(n);
            return v -> set.contains(num(v));
        }
        long r = nums[0];
        return switch (op) {
            case "=", "==" -> v -> {
                Long x = num(v);
                return x != null && x == r;
            };
            case "!=" -> v -> {
                Long x = num(v);
                return x != null && x != r;
            };
            case "<" -> v -> {
                Long x = num(v);
                return x != null && x < r;
            };
            case "<=" -> v -> {
                Long x = num(v);
                return x != null && x <= r;
            };
            case ">" -> v -> {
                Long x = num(v);
                return x != null && x > r;
            };
            case ">=" -> v -> {
                Long x = num(v);
                return x != null && x >= r;
            };
            default -> throw new FilterException("'" + op + "' operator not supported for numeric filters", pos);
        };
    }

    /** Parses a decimal or 0x-hex integer (unsigned 64-bit allowed); service names for ports. */
    static long parseNumber(String s, boolean port, Pos pos) {
        try {
            String t = s.startsWith("+") ? s.substring(1) : s;
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            if (t.startsWith("-")) return Long.parseLong(t);
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            if (port) {
                Long p = SERVICES.get(s);
                if (p != null) return p;
            }
            throw new FilterException("filter error: '" + s + "' is not a valid number", pos);
        }
    }

    static Long num(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof Number n) return n.longValue();
        if (v instanceof Boolean b) return b ? 1L : 0L;
        try {
            return Long.parseLong(str(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- booleans ---------------------------------------------------------------------------

    private static ValueTest bool(String op, List<String> values, Pos pos) {
        boolean[] seen = new boolean[2];
        for (String s : values) {
            switch (s) {
                case "true" -> seen[1] = true;
                case "false" -> seen[0] = true;
                default -> throw new FilterException("filter error: unrecognized boolean value " + s, pos);
            }
        }
        boolean negate = op.equals("!=");
        return v -> {
            Boolean b = v instanceof Boolean x ? x : v instanceof String s ? (s.equals("true") ? Boolean.TRUE
                    : s.equals("false") ? Boolean.FALSE : null) : v instanceof Number n ? n.longValue() != 0 : null;
            if (b == null) return false;
            boolean hit = seen[b ? 1 : 0];
            return negate != hit;
        };
    }

    // ---- IP addresses -----------------------------------------------------------------------

    private static ValueTest ip(String op, List<String> values, Pos pos) {
        IpNet[] nets = new IpNet[values.size()];
        for (int i = 0; i < nets.length; i++) {
            nets[i] = IpNet.parse(values.get(i));
            if (nets[i] == null) {
                throw new FilterException("filter error: '" + values.get(i) + "' is not a valid IP address or network", pos);
            }
        }
        boolean negate = op.equals("!=");
        return v -> {
            byte[] a = v instanceof byte[] b ? b : IpNet.parseAddress(str(v));
            if (a == null) return false;
            for (IpNet n : nets) {
                if (n.contains(a)) return !negate;
            }
            return negate;
        };
    }

    // ---- byte buffers -----------------------------------------------------------------------

    private static ValueTest bytes(String op, List<String> values, Pos pos) {
        boolean hex = op.equals("bcontains") || op.equals("bstartswith");
        List<byte[]> rs = new ArrayList<>();
        for (String s : values) {
            rs.add(hex ? parseHex(s, pos) : s.getBytes(StandardCharsets.UTF_8));
        }
        byte[] r = rs.get(0);
        return switch (op) {
            case "=", "==" -> v -> Arrays.equals(buf(v), r);
            case "!=" -> v -> !Arrays.equals(buf(v), r);
            case "contains", "bcontains" -> v -> indexOf(buf(v), r) >= 0;
            case "startswith", "bstartswith" -> v -> {
                byte[] b = buf(v);
                return b.length >= r.length && Arrays.equals(b, 0, r.length, r, 0, r.length);
            };
            case "endswith" -> v -> {
                byte[] b = buf(v);
                return b.length >= r.length && Arrays.equals(b, b.length - r.length, b.length, r, 0, r.length);
            };
            case "in", "intersects" -> v -> {
                byte[] b = buf(v);
                for (byte[] x : rs) {
                    if (Arrays.equals(b, x)) return true;
                }
                return false;
            };
            default -> throw new FilterException("'" + op + "' operator not supported for buffer filters", pos);
        };
    }

    private static byte[] buf(Object v) {
        return v instanceof byte[] b ? b : str(v).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] parseHex(String s, Pos pos) {
        String t = s.replace(" ", "");
        if (t.isEmpty() || t.length() % 2 != 0 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new FilterException("filter error: bcontains and bstartswith operator support hex strings only", pos);
        }
        byte[] b = new byte[t.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(t.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
