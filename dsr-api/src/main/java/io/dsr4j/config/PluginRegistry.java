package io.dsr4j.config;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinderBinding;
import com.google.inject.multibindings.MultibinderBinding;
import com.google.inject.multibindings.MultibindingsTargetVisitor;
import com.google.inject.multibindings.OptionalBinderBinding;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.util.Types;
import io.dsr4j.api.augment.BatchAugmenterFactory;
import io.dsr4j.api.config.ConfigException;
import io.dsr4j.api.config.Location;
import io.dsr4j.api.config.Suggestions;
import io.dsr4j.api.constfit.ConstantOptimizerFactory;
import io.dsr4j.api.data.DatasetProvider;
import io.dsr4j.api.estimator.EstimatorFactory;
import io.dsr4j.api.gp.GpOperatorFactory;
import io.dsr4j.api.plugin.DsrPlugin;
import io.dsr4j.api.plugin.PluginBinder;
import io.dsr4j.api.plugin.PluginKind;
import io.dsr4j.api.plugin.RunServices;
import io.dsr4j.api.policy.PolicyFactory;
import io.dsr4j.api.prior.PriorFactory;
import io.dsr4j.api.reward.ComplexityMeasure;
import io.dsr4j.api.reward.RewardFactory;
import io.dsr4j.api.settings.Configurable;
import io.dsr4j.api.settings.Settings;
import io.dsr4j.api.token.TokenFactory;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * All plugins of this process: every {@link DsrPlugin} found with {@link ServiceLoader} on the class path and in
 * the plugin jars, their Guice modules combined into ONE injector, and per {@link PluginKind} the map from YAML
 * name to factory (the {@link PluginBinder} MapBinders). Two plugins that register the same name for the same
 * kind are an error naming both.
 */
public final class PluginRegistry implements PluginSettings {

    /** System property with plugin directories (or jars), separated by the path separator; set by {@code ./dsr}. */
    public static final String PLUGINS_PROPERTY = "dsr.plugins";

    /** A loaded plugin: its {@link DsrPlugin#name()}, entry class and where that class came from. */
    public record PluginInfo(String name, String className, String source) { }

    /**
     * One registered name.
     *
     * @param implementation class of the registered factory
     * @param source         jar or class directory the factory class was loaded from
     * @param plugin         {@link DsrPlugin#name()} of the plugin that registered it
     */
    public record Registration(PluginKind kind, String name, String implementation, String source, String plugin,
                               String description) { }

    private final List<PluginInfo> plugins;
    private final List<? extends DsrPlugin> found;
    private final Injector injector;
    private final ClassLoader classLoader;
    private final Map<PluginKind, Map<String, Object>> factories = new EnumMap<>(PluginKind.class);
    private final Map<PluginKind, Map<String, String>> owners = new EnumMap<>(PluginKind.class);

    private PluginRegistry(List<? extends DsrPlugin> found, ClassLoader classLoader) {
        this.classLoader = classLoader;
        List<PluginInfo> infos = new ArrayList<>();
        List<Module> modules = new ArrayList<>();
        for (PluginKind k : PluginKind.values()) owners.put(k, new LinkedHashMap<>());
        for (DsrPlugin plugin : found) {
            PluginInfo info = new PluginInfo(plugin.name(), plugin.getClass().getName(), sourceOf(plugin.getClass()));
            infos.add(info);
            Module module = plugin.module();
            modules.add(module);
            recordNames(info, module, infos);
        }
        this.plugins = List.copyOf(infos);
        this.found = List.copyOf(found);
        modules.add(runServices(null));
        this.injector = Guice.createInjector(modules);
        fillFactories();
    }

    /** The registry of one run: the same plugins in a fresh injector that also binds the run's services. */
    private PluginRegistry(PluginRegistry discovery, RunServices services) {
        this.classLoader = discovery.classLoader;
        this.plugins = discovery.plugins;
        this.found = discovery.found;
        this.owners.putAll(discovery.owners);
        List<Module> modules = new ArrayList<>();
        for (DsrPlugin p : found) modules.add(p.module()); // fresh modules: factories bound to instances are per run too
        modules.add(runServices(services));
        this.injector = Guice.createInjector(modules);
        fillFactories();
    }

    /**
     * Binds the run's services; without a run (discovery, listing, config checks) they are unavailable: a factory
     * injects {@code Provider<RunServices>} (or {@code Provider<Library>}, {@code Provider<Dataset>}) and calls
     * {@code get()} in {@code create}.
     */
    private static Module runServices(RunServices services) {
        return new com.google.inject.AbstractModule() {
            @Override
            protected void configure() {
                bind(RunServices.class).toProvider(() -> available(services));
                bind(io.dsr4j.api.token.Library.class).toProvider(() -> available(services).library());
                bind(io.dsr4j.api.data.Dataset.class).toProvider(() -> available(services).dataset());
            }
        };
    }

    private static RunServices available(RunServices services) {
        if (services == null) {
            throw new IllegalStateException("the run's services (RunServices, Library, Dataset) exist only while a run "
                    + "builds its plugins: inject Provider<RunServices> and call get() in create()");
        }
        return services;
    }

    /**
     * The factories of one run, created by a fresh injector over every plugin's module plus the run's services
     * ({@link RunServices}, {@link io.dsr4j.api.token.Library}, {@link io.dsr4j.api.data.Dataset}), which factories
     * bound by class may {@code @Inject}. Names and owners are this registry's.
     */
    public PluginRegistry forRun(RunServices services) {
        synchronized (found) { // a plugin may hand out one module instance, and Guice modules are not re-entrant
            return new PluginRegistry(this, services);
        }
    }

    private void fillFactories() {
        for (PluginKind k : PluginKind.values()) {
            Key<?> key = Key.get(Types.mapOf(String.class, k.factoryType()));
            Map<String, Object> m = new java.util.TreeMap<>();
            if (injector.getExistingBinding(key) != null) {
                ((Map<?, ?>) injector.getInstance(key)).forEach((name, f) -> m.put((String) name, f));
            }
            factories.put(k, Collections.unmodifiableMap(m));
        }
    }

    /** Plugins on the context class loader plus the jars in the directories of the {@value #PLUGINS_PROPERTY} property. */
    public static PluginRegistry load() {
        List<Path> paths = new ArrayList<>();
        String prop = System.getProperty(PLUGINS_PROPERTY, "");
        for (String part : prop.split(File.pathSeparator)) {
            if (!part.isBlank()) paths.add(Path.of(part.trim()));
        }
        return load(defaultClassLoader(), paths);
    }

    /**
     * Plugins visible to {@code parent} plus those in the given plugin directories ({@code *.jar} inside, in name
     * order) or jar files. Missing directories are skipped.
     */
    public static PluginRegistry load(ClassLoader parent, List<Path> pluginPaths) {
        List<URL> jars = new ArrayList<>();
        for (Path p : pluginPaths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path jar : s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                        jars.add(url(jar));
                    }
                } catch (IOException e) {
                    throw new ConfigException(p + ": cannot list plugin directory: " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                jars.add(url(p));
            }
        }
        ClassLoader loader = jars.isEmpty() ? parent
                : new URLClassLoader("dsr-plugins", jars.toArray(URL[]::new), parent);
        List<DsrPlugin> found = new ArrayList<>();
        Iterator<DsrPlugin> it = ServiceLoader.load(DsrPlugin.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new ConfigException("cannot load a plugin: " + e.getMessage()
                        + (cause != e ? " (" + cause + ")" : "")
                        + "; check that every jar in " + (pluginPaths.isEmpty() ? "the class path" : pluginPaths)
                        + " is a dsr4j plugin built for this version (Java 17, dsr-api 0.1.x) with all its dependencies", e);
            }
        }
        return new PluginRegistry(found, loader);
    }

    /** A registry of exactly these plugins (programmatic use and tests). */
    public static PluginRegistry of(List<? extends DsrPlugin> plugins) {
        return new PluginRegistry(plugins, defaultClassLoader());
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : PluginRegistry.class.getClassLoader();
    }

    private static URL url(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p.toString(), e);
        }
    }

    /** Reads which names this plugin's module registers (Guice SPI, no injector) to report clashes by plugin. */
    private void recordNames(PluginInfo plugin, Module module, List<PluginInfo> seen) {
        List<Element> elements = Elements.getElements(module);
        for (Element e : elements) {
            if (!(e instanceof Binding<?> b)) continue;
            MapBinderBinding<?> mb = b.acceptTargetVisitor(new MapBinderFinder());
            if (mb == null) continue;
            PluginKind kind = kindOf(mb.getValueTypeLiteral().getRawType());
            if (kind == null) continue;
            for (Map.Entry<?, Binding<?>> entry : mb.getEntries(elements)) {
                String name = String.valueOf(entry.getKey());
                String previous = owners.get(kind).putIfAbsent(name, plugin.name());
                if (previous != null) {
                    PluginInfo first = seen.stream().filter(p -> p.name().equals(previous)).findFirst().orElse(plugin);
                    throw new ConfigException("two plugins register the " + kind.label() + " '" + name + "': plugin '"
                            + previous + "' (" + first.className() + " from " + first.source() + ") and plugin '"
                            + plugin.name() + "' (" + plugin.className() + " from " + plugin.source()
                            + "); remove one of them (e.g. a duplicate jar in plugins/) or rename the entry");
                }
            }
        }
    }

    private static PluginKind kindOf(Class<?> factoryType) {
        for (PluginKind k : PluginKind.values()) if (k.factoryType() == factoryType) return k;
        return null;
    }

    /** Visitor that returns the MapBinder description of a binding, or null. */
    private static final class MapBinderFinder extends DefaultBindingTargetVisitor<Object, MapBinderBinding<?>>
            implements MultibindingsTargetVisitor<Object, MapBinderBinding<?>> {
        @Override
        public MapBinderBinding<?> visit(MultibinderBinding<?> multibinding) { return null; }

        @Override
        public MapBinderBinding<?> visit(MapBinderBinding<?> mapbinding) { return mapbinding; }

        @Override
        public MapBinderBinding<?> visit(OptionalBinderBinding<?> optionalbinding) { return null; }
    }

    /** The loaded plugins in discovery order. */
    public List<PluginInfo> plugins() { return plugins; }

    /** The one injector built from all plugin modules. */
    public Injector injector() { return injector; }

    /** Class loader that sees the plugin jars. */
    public ClassLoader classLoader() { return classLoader; }

    /** Name → factory of one kind, sorted by name; empty when no plugin registers that kind. */
    public Map<String, ?> factories(PluginKind kind) { return factories.get(kind); }

    /** Name → factory of one kind, typed. */
    @SuppressWarnings("unchecked")
    public <F> Map<String, F> factories(PluginKind kind, Class<F> type) {
        if (kind.factoryType() != type) throw new IllegalArgumentException(kind + " factories are " + kind.factoryType().getName());
        return (Map<String, F>) factories.get(kind);
    }

    public Map<String, TokenFactory> tokens() { return factories(PluginKind.TOKEN, TokenFactory.class); }

    public Map<String, PriorFactory> priors() { return factories(PluginKind.PRIOR, PriorFactory.class); }

    public Map<String, RewardFactory> rewards() { return factories(PluginKind.REWARD, RewardFactory.class); }

    public Map<String, EstimatorFactory> estimators() { return factories(PluginKind.GRADIENT_ESTIMATOR, EstimatorFactory.class); }

    public Map<String, PolicyFactory> policies() { return factories(PluginKind.POLICY, PolicyFactory.class); }

    public Map<String, ConstantOptimizerFactory> constantOptimizers() {
        return factories(PluginKind.CONSTANT_OPTIMIZER, ConstantOptimizerFactory.class);
    }

    public Map<String, DatasetProvider> datasets() { return factories(PluginKind.DATASET, DatasetProvider.class); }

    public Map<String, BatchAugmenterFactory> batchAugmenters() {
        return factories(PluginKind.BATCH_AUGMENTER, BatchAugmenterFactory.class);
    }

    public Map<String, GpOperatorFactory> gpOperators() { return factories(PluginKind.GP_OPERATOR, GpOperatorFactory.class); }

    public Map<String, ComplexityMeasure> complexities() { return factories(PluginKind.COMPLEXITY, ComplexityMeasure.class); }

    /** The registered names of one kind, sorted. */
    public SortedSet<String> names(PluginKind kind) { return new TreeSet<>(factories.get(kind).keySet()); }

    /**
     * The factory registered as {@code name}, or a {@link ConfigException} such as
     * "FILE:LINE:COL: key 'policy.type': unknown policy 'lsmt' (did you mean 'lstm'?); available: dl4j-lstm, lstm".
     */
    @SuppressWarnings("unchecked")
    public <F> F require(PluginKind kind, String name, Location where, String keyPath) {
        Object f = factories.get(kind).get(name);
        if (f != null) return (F) f;
        throw ConfigException.at(where, keyPath, unknownMessage(kind, name));
    }

    /** "unknown policy 'x' (did you mean 'y'?); available: a, b" (also used by {@code ConfigValidator}). */
    public String unknownMessage(PluginKind kind, String name) {
        SortedSet<String> names = names(kind);
        if (names.isEmpty()) {
            return "unknown " + kind.label() + " '" + name + "'; no plugin provides any " + kind.label()
                    + " (./dsr plugins lists what is installed)";
        }
        return "unknown " + kind.label() + " '" + name + "'" + Suggestions.hint(name, names)
                + "; available: " + String.join(", ", names);
    }

    @Override
    public Settings settingsOf(PluginKind kind, String name) {
        return factories.get(kind).get(name) instanceof Configurable c ? c.settings() : Settings.UNDECLARED;
    }

    @Override
    public List<Settings> allOf(PluginKind kind) {
        List<Settings> out = new ArrayList<>();
        for (Object f : factories.get(kind).values()) if (f instanceof Configurable c) out.add(c.settings());
        return out;
    }

    /** Every registered name with its class, source jar/directory and plugin, by kind then name. */
    public List<Registration> describe() {
        List<Registration> out = new ArrayList<>();
        for (PluginKind k : PluginKind.values()) {
            factories.get(k).forEach((name, f) -> out.add(new Registration(k, name, f.getClass().getName(),
                    sourceOf(f.getClass()), owners.get(k).getOrDefault(name, "?"), description(f))));
        }
        out.sort(Comparator.comparing((Registration r) -> r.kind().ordinal()).thenComparing(Registration::name));
        return out;
    }

    private static String description(Object f) {
        String d = "";
        if (f instanceof Configurable c) d = c.description();
        else if (f instanceof TokenFactory t) d = t.description();
        else if (f instanceof RewardFactory r) d = r.description();
        else if (f instanceof DatasetProvider p) d = p.description();
        else if (f instanceof BatchAugmenterFactory a) d = a.description();
        else if (f instanceof GpOperatorFactory g) d = g.description();
        else if (f instanceof ComplexityMeasure m) d = m.description();
        return d == null ? "" : d;
    }

    /** The jar or class directory a class was loaded from. */
    static String sourceOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) return "(JDK)";
        try {
            return Path.of(cs.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return cs.getLocation().toString();
        }
    }
}
