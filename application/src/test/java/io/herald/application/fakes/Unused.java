package io.herald.application.fakes;

import java.lang.reflect.Proxy;

/** An out-port a test's scenario must not touch: any call fails the test. */
public final class Unused {

    private Unused() {
    }

    public static <T> T port(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "toString" -> "unused " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new AssertionError(
                            type.getSimpleName() + "." + method.getName() + " was called; this scenario must not use it");
                }));
    }
}
