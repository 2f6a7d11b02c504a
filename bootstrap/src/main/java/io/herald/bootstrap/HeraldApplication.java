package io.herald.bootstrap;

import io.micronaut.runtime.Micronaut;

/** Starts Herald: {@code java -jar bootstrap/target/herald.jar}. */
public final class HeraldApplication {

    private HeraldApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(HeraldApplication.class)
                .banner(false)
                .start();
    }
}
