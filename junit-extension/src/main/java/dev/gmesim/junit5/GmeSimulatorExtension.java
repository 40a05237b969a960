package dev.gmesim.junit5;

import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.auth.AppCredentials;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.cloud.CloudApi;
import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.sdk.EventRecorder;
import dev.gmesim.core.sdk.PollMode;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link GmeSimulatorTest}; register it yourself with
 * {@code @RegisterExtension} to choose its settings in code. Register it in a {@code static}
 * field, so the simulator starts with the class; use either this or the annotation on a class.
 *
 * <pre>{@code
 * class VoiceLobbyTest {
 *   @RegisterExtension
 *   static GmeSimulatorExtension gme = GmeSimulatorExtension.builder()
 *       .timeScale(1000)                 // GME's 30 s timeout in 30 ms
 *       .scope(SimulatorScope.RUN)       // one simulator for every class of the run
 *       .failOnUnfiredFaults(true)       // an @InjectGmeError that never fired fails the test
 *       .build();
 *
 *   @Test
 *   @InjectGmeError(1005)
 *   void silentServerTimesOutAfterThirtySeconds(GmeContext gme, EventRecorder events) {
 *     gme.init("1400000000", "10001");
 *     gme.enterRoom("lobby", GmeContext.ROOM_TYPE_FLUENCY, new byte[0]);
 *     GmeAssertions.awaitEvent(events, GmeEventType.ENTER_ROOM).hasResult(1005).hasElapsedMillis(30_000);
 *   }
 * }
 * }</pre>
 *
 * <p>All state lives in JUnit's {@code ExtensionContext.Store}: the simulator in the class's (or,
 * for {@link SimulatorScope#RUN}, the run's) store, each test's SDK contexts and fault rules in the
 * test's, so JUnit closes them even when a test or another extension fails, and {@code @Nested}
 * classes, shared base classes, parameterized, repeated and parallel tests all work.
 *
 * @since 0.1
 */
public final class GmeSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    ParameterResolver {

  static final Namespace NAMESPACE = Namespace.create(GmeSimulatorExtension.class);

  /** Distinguishes this JVM's tags from another JVM's on a shared remote simulator. */
  private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 6);
  private static final AtomicLong TESTS = new AtomicLong();

  /** The builder's settings, or null when {@link GmeSimulatorTest} registered this instance. */
  private final Settings configured;

  /** Used by {@link GmeSimulatorTest}: settings come from the annotation. */
  GmeSimulatorExtension() {
    this(null);
  }

  private GmeSimulatorExtension(Settings configured) {
    this.configured = configured;
  }

  /** Returns a builder with the annotation's defaults: time scale 100, free ports, one simulator per class. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Settings settings = settings(context);
    claim(context, settings);
    InjectedFaults.plan(InjectedFaults.onClass(context.getRequiredTestClass()));
    InjectedServerFaults.plan(InjectedServerFaults.declared(context.getRequiredTestClass(), null));
    backend(context, settings);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Settings settings = settings(context);
    claim(context, settings);
    // Every annotation is checked before the test touches the simulator: a bad one installs nothing.
    List<InjectedFaults.Declared> declared = new ArrayList<>(InjectedFaults.onClass(context.getRequiredTestClass()));
    declared.addAll(InjectedFaults.onMethod(context.getRequiredTestMethod()));
    List<InjectedFaults.Planned> planned = InjectedFaults.plan(declared);
    List<InjectedServerFaults.Planned> serverPlanned = InjectedServerFaults.plan(
        InjectedServerFaults.declared(context.getRequiredTestClass(), context.getRequiredTestMethod()));

    Backend backend = backend(context, settings);
    String name = testName(context);
    TestScope scope = new TestScope(tag(RUN_ID + "-" + TESTS.incrementAndGet() + "-", name), name, backend,
        Coverage.of(context), settings.clock(), settings.poll());
    context.getStore(NAMESPACE).put(TestScope.class, scope);
    scope.install(planned);
    scope.installServer(serverPlanned);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestScope scope = context.getStore(NAMESPACE).get(TestScope.class, TestScope.class);
    if (scope == null) {
      return;
    }
    // Only a test that otherwise passed is failed for an idle fault: on a failed test it is noise.
    List<RuleStatus> unfired = settings(context).failOnUnfiredFaults() && context.getExecutionException().isEmpty()
        ? scope.unfiredAnnotationRules() : List.of();
    scope.close();
    if (!unfired.isEmpty()) {
      // A backend whose client does not send the test's tag is the likely cause for a tagged server rule.
      boolean untaggedClient = unfired.stream().anyMatch(s -> s.rule().scope().tag() != null && s.rule().operations().stream()
          .allMatch(op -> op.channel() == Operation.Channel.SERVER_API));
      throw new AssertionError(unfired.stream()
          .map(s -> "FaultRule " + s.describe())
          .collect(Collectors.joining("; ", "", "; the test never made a call these faults match (failOnUnfiredFaults"
              + " is on): make that call in the test, narrow or remove the annotation, or turn failOnUnfiredFaults off"
              + (untaggedClient ? "; server API requests match only when they carry this test's "
                  + CloudApi.TAG_HEADER + ": build the client with the test's GmeCloudApi (gmeClient() or"
                  + " clientProfile()), or set tagged = false" : ""))));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == GmeSimulatorHandle.class || type == GmeContext.class || type == EventRecorder.class
        || type == GmeEndpoints.class || type == GmeAuth.class || type == GmeCloudApi.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == GmeEndpoints.class) {
      return backend(context, settings(context)).endpoints();
    }
    if (type == GmeCloudApi.class) {
      Settings s = settings(context);
      // Outside a test (@BeforeAll) there is no tag to send: that client's requests match only untagged rules.
      TestScope scope = context.getTestMethod().isPresent()
          ? context.getStore(NAMESPACE).get(TestScope.class, TestScope.class) : null;
      return GmeCloudApi.of(backend(context, s).endpoints(), s.cloudSecret(), scope == null ? null : scope.tag());
    }
    if (type == GmeAuth.class) {
      Settings settings = settings(context);
      backend(context, settings);
      return new GmeAuth(settings.apps(), settings.source());
    }
    TestScope scope = context.getTestMethod().isPresent()
        ? context.getStore(NAMESPACE).get(TestScope.class, TestScope.class) : null;
    if (scope == null) {
      throw new ParameterResolutionException(type.getSimpleName() + " belongs to one test; declare it on a @Test,"
          + " @BeforeEach or @AfterEach method, not on " + parameter.getDeclaringExecutable().getName()
          + "() (GmeEndpoints is available everywhere)");
    }
    if (type == GmeSimulatorHandle.class) {
      return new TestHandle(scope);
    }
    return type == GmeContext.class ? scope.context() : scope.recorder();
  }

  // ---- settings and shared state ------------------------------------------------------------

  private Settings settings(ExtensionContext context) {
    if (configured != null) {
      return configured;
    }
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<GmeSimulatorTest> found = AnnotationSupport.findAnnotation(c, GmeSimulatorTest.class);
      if (found.isPresent()) {
        return Settings.of(found.get(), c).validate();
      }
    }
    return Settings.defaults("@ExtendWith(GmeSimulatorExtension.class) on " + context.getRequiredTestClass().getName());
  }

  /**
   * Returns the class context this instance serves from: the outermost class it is active for, so
   * that {@code @Nested} classes share their enclosing class's simulator. Two instances active for
   * one class (the annotation and a registered field) would install every fault twice, so the
   * second is refused.
   */
  private ExtensionContext claim(ExtensionContext context, Settings settings) {
    ExtensionContext testClass = nearestClass(context);
    // Store lookups fall back to the enclosing class's store: a nested class finds the claim made above it.
    Claim claim = testClass.getStore(NAMESPACE).getOrComputeIfAbsent(Claim.class, k -> new Claim(this, testClass),
        Claim.class);
    if (claim.extension() != this) {
      throw new ExtensionConfigurationException(testClass.getRequiredTestClass().getName() + " registers the GME"
          + " simulator extension twice (" + settings.source() + " and another @GmeSimulatorTest or @RegisterExtension"
          + " GmeSimulatorExtension, here or on an enclosing class); keep one: the annotation for the defaults, or a"
          + " static @RegisterExtension field to choose settings in code");
    }
    return claim.owner();
  }

  /**
   * Which instance serves a class, and the class context where it was first active.
   *
   * @param extension the serving instance
   * @param owner the outermost class context it serves; the class-scoped simulator lives in its store
   */
  private record Claim(GmeSimulatorExtension extension, ExtensionContext owner) {}

  /** The simulator for this context: the user's own, a remote one, or an embedded one in the class's or run's store. */
  private Backend backend(ExtensionContext context, Settings settings) {
    ExtensionContext owner = claim(context, settings);
    Backend backend = findBackend(context, owner, settings);
    if (settings.cloudSecret() != null) {
      owner.getStore(NAMESPACE).getOrComputeIfAbsent(CloudSecretInstalled.class, k -> {
        backend.control().addCloudSecret(settings.cloudSecret());
        return new CloudSecretInstalled();
      }, CloudSecretInstalled.class);
    }
    if (!settings.apps().isEmpty()) {
      // Once per class: an embedded simulator of our own has them already, a shared or remote one gets them here.
      owner.getStore(NAMESPACE).getOrComputeIfAbsent(AppsInstalled.class, k -> {
        settings.apps().forEach(backend::addApp);
        return new AppsInstalled();
      }, AppsInstalled.class);
    }
    return backend;
  }

  /** Marks a class whose server-API key went to its simulator. */
  private static final class CloudSecretInstalled {}

  /** Marks a class whose apps went to its simulator. */
  private static final class AppsInstalled {}

  private Backend findBackend(ExtensionContext context, ExtensionContext owner, Settings settings) {
    if (settings.existing() != null) {
      return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Backend.class,
          k -> Backend.embedded(settings.existing(), false), Backend.class);
    }
    Optional<RemoteTarget> remote = settings.remote() != null
        ? Optional.of(settings.remote().get())
        : RemoteTarget.from(context, System::getenv);
    if (remote.isPresent()) {
      return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("remote " + remote.get().url(),
          k -> Backend.remote(remote.get()), Backend.class);
    }
    if (settings.scope() == SimulatorScope.RUN) {
      return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(settings.sharingKey(),
          k -> Backend.embedded(settings.start(), true), Backend.class);
    }
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(Backend.class,
        k -> Backend.embedded(settings.start(), true), Backend.class);
  }

  /** The context of the class a context belongs to (itself for a class). */
  private static ExtensionContext nearestClass(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static String testName(ExtensionContext context) {
    Method m = context.getRequiredTestMethod();
    String name = context.getRequiredTestClass().getSimpleName() + "." + m.getName() + "()";
    // Repetitions and parameterized invocations (whose parent is the template) differ only in their display name.
    boolean invocation = context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
    return invocation ? name + " [" + context.getDisplayName() + "]" : name;
  }

  /**
   * Returns a test's tag: the prefix that makes it unique, then the test's name as printable ASCII
   * (a method or display name may be any Unicode), cut to what an HTTP header may carry.
   */
  static String tag(String prefix, String name) {
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < name.length() && b.length() < CloudApi.MAX_TAG_LENGTH; i++) {
      char c = name.charAt(i);
      b.append(c >= 0x20 && c <= 0x7E ? c : '_');
    }
    return b.toString().strip();
  }

  /** Settings for a registered extension; each setter is optional. */
  public static final class Builder {
    private double timeScale = Settings.DEFAULT_TIME_SCALE;
    private String clock = Settings.DEFAULT_CLOCK;
    private PollMode poll = Settings.DEFAULT_POLL;
    private int roomPort;
    private int httpPort;
    private SimulatorScope scope = SimulatorScope.CLASS;
    private boolean failOnUnfiredFaults;
    private GmeSimulator simulator;
    private Supplier<RemoteTarget> remote;
    private final List<AppCredentials> apps = new ArrayList<>();
    private CloudSecret cloudSecret;

    private Builder() {}

    /**
     * Checks the auth buffers of app {@code appId} with permission key {@code key} (16 bytes); a
     * {@link GmeAuth} parameter mints correct buffers for it.
     */
    public Builder app(String appId, String key) {
      AppCredentials app = AppCredentials.of(appId, key);
      if (apps.stream().anyMatch(a -> a.appId().equals(app.appId()))) {
        throw new ExtensionConfigurationException("GmeSimulatorExtension.builder().app: AppID " + appId
            + " is given twice; give each app once");
      }
      apps.add(app);
      return this;
    }

    /**
     * Makes the simulator check server-API signatures with this key (TC3-HMAC-SHA256); a
     * {@link GmeCloudApi} parameter hands it to the test. Without it any signature passes.
     */
    public Builder cloudSecret(String secretId, String secretKey) {
      this.cloudSecret = CloudSecret.of(secretId, secretKey);
      return this;
    }

    /** Sets the factor of scaled sessions that name none (default 1); only {@code clock(TimeMode.scaled(...))} makes sessions scaled. */
    public Builder timeScale(double factor) {
      this.timeScale = factor;
      return this;
    }

    /**
     * Sets how every test's SDK context delivers its events (default {@link PollMode#STRICT}, as GME);
     * see {@link GmeSimulatorTest#poll()}.
     */
    public Builder poll(PollMode mode) {
      this.poll = Objects.requireNonNull(mode,
          "GmeSimulatorExtension.builder().poll: mode is null; pass PollMode.STRICT or PollMode.IMMEDIATE");
      return this;
    }

    /**
     * Sets the clock of every test's SDK context (default {@link TimeMode#virtual()}), in embedded and
     * remote mode alike: {@link TimeMode#manual()} for tests that advance it, {@code scaled(f)} to run
     * with the wall clock.
     */
    public Builder clock(TimeMode mode) {
      this.clock = Objects.requireNonNull(mode,
          "GmeSimulatorExtension.builder().clock: mode is null; pass TimeMode.virtual(), manual() or scaled(f)").toString();
      return this;
    }

    /** Serves the room protocol on this TCP port; 0 (the default) picks a free one. */
    public Builder roomPort(int port) {
      this.roomPort = port;
      return this;
    }

    /** Serves HTTP on this port; 0 (the default) picks a free one. */
    public Builder httpPort(int port) {
      this.httpPort = port;
      return this;
    }

    /** Shares one simulator per class (the default) or across the whole run. */
    public Builder scope(SimulatorScope scope) {
      this.scope = scope;
      return this;
    }

    /** Fails a test whose {@code @InjectGmeError} faults never fired (default false). */
    public Builder failOnUnfiredFaults(boolean fail) {
      this.failOnUnfiredFaults = fail;
      return this;
    }

    /** Uses this running simulator, which the caller keeps open and closes; time scale, ports and scope are then its own. */
    public Builder simulator(GmeSimulator simulator) {
      this.simulator = Objects.requireNonNull(simulator,
          "GmeSimulatorExtension.builder().simulator: simulator is null; pass a started GmeSimulator or leave it out");
      return this;
    }

    /**
     * Uses a running simulator (a {@code java -jar} process) at {@code url} with the admin
     * {@code token}, both read when the first test needs them; see the three-argument form for a
     * container whose ports are remapped.
     */
    public Builder remote(Supplier<URI> url, Supplier<String> token) {
      return remote(url, token, () -> null);
    }

    /**
     * Uses a running simulator whose room gateway is reached at {@code room} (a Testcontainers
     * container maps its ports anew on each start), read when the first test needs them:
     * {@code .remote(GME::httpBaseUri, GME::adminToken, GME::roomAddress)}.
     */
    public Builder remote(Supplier<URI> url, Supplier<String> token, Supplier<InetSocketAddress> room) {
      Objects.requireNonNull(url, "GmeSimulatorExtension.builder().remote: url is null; pass () -> URI.create(\"http://host:port\")");
      Objects.requireNonNull(token, "GmeSimulatorExtension.builder().remote: token is null; pass () -> null for no token");
      Objects.requireNonNull(room, "GmeSimulatorExtension.builder().remote: room is null; pass () -> null to use the reported port");
      this.remote = () -> new RemoteTarget(Objects.requireNonNull(url.get(),
          "GmeSimulatorExtension.builder().remote: the url supplier returned null; is the container started?"),
          token.get(), room.get());
      return this;
    }

    /** Checks the settings and returns the extension; a bad setting is named with its value and the fix. */
    public GmeSimulatorExtension build() {
      if (simulator != null && remote != null) {
        throw new ExtensionConfigurationException("GmeSimulatorExtension.builder(): simulator(...) and remote(...) "
            + "both set; choose the embedded simulator or the remote one");
      }
      double scale = simulator != null ? simulator.timeScale().factor() : timeScale;
      return new GmeSimulatorExtension(new Settings(scale, clock, roomPort, httpPort, scope, failOnUnfiredFaults,
          simulator, remote, "GmeSimulatorExtension.builder()", List.copyOf(apps), cloudSecret, poll).validate());
    }
  }
}
