package dev.blacksky.api.storage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records as JSON, written with Typesafe Config (the api's own dependency), so plugins write no encoders. */
final class RecordJson {

    private RecordJson() {
    }

    static String write(Record value) {
        return ConfigValueFactory.fromMap(fields(value)).render(ConfigRenderOptions.concise());
    }

    static <T extends Record> T read(String json, Class<T> type) {
        return record(ConfigFactory.parseString(json).root(), type);
    }

    private static Map<String, Object> fields(Record value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true); // a plugin's records are often package-private
                fields.put(component.getName(), plain(accessor.invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + component.getName() + " of " + value.getClass().getName(), e);
            }
        }
        return fields;
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Enum<?> e -> e.name();
            case Instant i -> i.toString();
            case Duration d -> d.toString();
            case LocalDate d -> d.toString();
            case Optional<?> o -> o.map(RecordJson::plain).orElse(null);
            case Record r -> fields(r);
            case List<?> list -> list.stream().map(RecordJson::plain).toList();
            default -> throw new IllegalArgumentException("a stored record may hold text, numbers, booleans, enums, Instant,"
                    + " Duration, LocalDate, Optional, lists and records, not " + value.getClass().getName());
        };
    }

    private static <T extends Record> T record(ConfigObject json, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(json.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a " + type.getName() + " from " + json.render(
                    ConfigRenderOptions.concise()), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(ConfigValue json, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == Optional.class) {
            return Optional.ofNullable(value(json, argument(type)));
        }
        if (json == null || json.unwrapped() == null) {
            return raw.isPrimitive() ? defaultOf(raw) : null;
        }
        Object plain = json.unwrapped();
        if (raw == String.class) {
            return plain.toString();
        } else if (raw == int.class || raw == Integer.class) {
            return ((Number) plain).intValue();
        } else if (raw == long.class || raw == Long.class) {
            return ((Number) plain).longValue();
        } else if (raw == double.class || raw == Double.class) {
            return ((Number) plain).doubleValue();
        } else if (raw == boolean.class || raw == Boolean.class) {
            return plain;
        } else if (raw.isEnum()) {
            return Enum.valueOf((Class) raw, plain.toString());
        } else if (raw == Instant.class) {
            return Instant.parse(plain.toString());
        } else if (raw == Duration.class) {
            return Duration.parse(plain.toString());
        } else if (raw == LocalDate.class) {
            return LocalDate.parse(plain.toString());
        } else if (raw.isRecord()) {
            return record((ConfigObject) json, (Class<Record>) raw);
        } else if (raw == List.class) {
            List<Object> list = new ArrayList<>();
            for (ConfigValue element : (ConfigList) json) {
                list.add(value(element, argument(type)));
            }
            return List.copyOf(list);
        }
        throw new IllegalArgumentException("a stored record cannot hold a " + raw.getName());
    }

    private static Type argument(Type type) {
        if (!(type instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("a stored Optional or List needs its element type, such as List<String>");
        }
        return p.getActualTypeArguments()[0];
    }

    private static Object defaultOf(Class<?> primitive) {
        return primitive == boolean.class ? false : primitive == double.class ? 0.0 : primitive == long.class ? 0L : 0;
    }
}
