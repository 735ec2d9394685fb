package com.securetrunk.gateway.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;

import java.util.List;

/** Renders the effective configuration as HOCON with every secret replaced by {@code <redacted>}. */
public final class EffectiveConfig {

    /** Key paths (below {@code securetrunk}) whose values are secrets. */
    public static final List<String> SECRET_PATHS =
            List.of("secure-domain.digest.password", "tls.key-password", "ami.secret");

    private EffectiveConfig() {
    }

    /** {@code securetrunk { ... }} as HOCON, keys sorted, secrets redacted, no origin comments. */
    public static String render(Config effective) {
        Config c = effective;
        for (String path : SECRET_PATHS) {
            if (c.hasPath(path) && !c.getValue(path).unwrapped().toString().isEmpty()) {
                c = c.withValue(path, ConfigValueFactory.fromAnyRef(Secret.REDACTED));
            }
        }
        return c.atKey(AppConfigLoader.ROOT).root().render(ConfigRenderOptions.defaults().setOriginComments(false)
                .setComments(false).setJson(false).setFormatted(true));
    }
}
