package io.dsr4j.programs.constfit;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.dsr4j.api.config.Params;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.constfit.ConstantOptimizer;
import io.dsr4j.api.constfit.ConstantOptimizerFactory;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;

/** Registers the built-in constant optimizers: "lm" (default) and "none". */
public final class BuiltinConstantOptimizersPlugin implements DsrPlugin {

    @Override
    public String name() {
        return "builtin-constant-optimizers";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                PluginBinder.constantOptimizers(binder()).addBinding("lm").to(LmFactory.class);
                PluginBinder.constantOptimizers(binder()).addBinding("none").to(NoneFactory.class);
            }
        };
    }

    static final class LmFactory implements ConstantOptimizerFactory {
        @Override
        public ConstantOptimizer create(Params params) {
            return new LevenbergMarquardtConstantOptimizer(LevenbergMarquardtSettings.from(params));
        }

        @Override
        public Settings settings() { return LevenbergMarquardtSettings.SETTINGS; }

        @Override
        public String description() {
            return "Levenberg-Marquardt on the residuals with the exact Jacobian";
        }
    }

    static final class NoneFactory implements ConstantOptimizerFactory {
        @Override
        public ConstantOptimizer create(Params params) {
            params.markUsed("type");
            params.requireAllUsed();
            return new NoConstantOptimizer();
        }

        @Override
        public Settings settings() { return Settings.NONE; }

        @Override
        public String description() {
            return "no fitting: constants keep their start values (the reference's 'dummy')";
        }
    }
}
