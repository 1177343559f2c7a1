package vn.binhdan.shared;

import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Every text a user sends has a length limit, checked before any service writes it: a record
 * component's {@code @Size(max)} (its column's size), or {@link #DEFAULT_MAX} where none is given,
 * for texts inside lists, maps and nested records too. Every JSON request body is checked as it
 * is read ({@code shared.web.RequestBodyLimits}); services check the forms pages build for them.
 */
public final class TextLimits {

    private TextLimits() {
    }

    /** The longest free-text column (a report's section); anything longer cannot be stored anywhere. */
    public static final int DEFAULT_MAX = 8000;

    /**
     * On a request body whose items the service checks one by one and answers for each (a phone's
     * queue): one item too long is refused alone instead of the whole body.
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface CheckedPerItem {
    }

    /** @throws FieldTooLongException naming the first text over its limit */
    public static void check(Object value) {
        walk(value, "", DEFAULT_MAX, 0);
    }

    private static void walk(Object value, String path, int max, int depth) {
        if (value == null || depth > 10) {
            return;
        }
        if (value instanceof CharSequence text) {
            if (text.length() > max) {
                throw new FieldTooLongException(path.isEmpty() ? "body" : path, max);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, join(path, String.valueOf(k)), max, depth + 1));
            return;
        }
        if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", max, depth + 1);
            }
            return;
        }
        if (value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                walk(items[i], path + "[" + i + "]", max, depth + 1);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!type.isRecord() || !type.getName().startsWith("vn.binhdan.")) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Object v;
            try {
                c.getAccessor().setAccessible(true);
                v = c.getAccessor().invoke(value);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            walk(v, join(path, c.getName()), limitOf(c), depth + 1);
        }
    }

    /**
     * A text component's {@code @Size}; for a list or map of texts, the {@code @Size} on its element
     * type ({@code List<@Size(max = 1000) String>}), since a {@code @Size} on the list bounds its length.
     */
    private static int limitOf(RecordComponent c) {
        if (CharSequence.class.isAssignableFrom(c.getType())) {
            Size size = c.getAccessor().getAnnotation(Size.class);
            return size == null ? DEFAULT_MAX : size.max();
        }
        if (c.getAnnotatedType() instanceof AnnotatedParameterizedType p) {
            AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
            Size size = args[args.length - 1].getAnnotation(Size.class);
            if (size != null) {
                return size.max();
            }
        }
        return DEFAULT_MAX;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
