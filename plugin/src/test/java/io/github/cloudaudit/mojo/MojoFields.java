package io.github.cloudaudit.mojo;

import java.lang.reflect.Field;

/** Sets a mojo's parameter fields as Maven would, for testing goals without a Maven build. */
final class MojoFields {

    private MojoFields() {
    }

    static Object get(Object mojo, String name) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(mojo);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
        throw new IllegalArgumentException(mojo.getClass().getSimpleName() + " has no parameter field " + name);
    }

    static <T> T set(T mojo, String name, Object value) {
        for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(mojo, value);
                return mojo;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + name, e);
            }
        }
        throw new IllegalArgumentException(mojo.getClass().getSimpleName() + " has no parameter field " + name);
    }
}
