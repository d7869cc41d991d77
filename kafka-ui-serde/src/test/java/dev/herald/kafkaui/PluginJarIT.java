package dev.herald.kafkaui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.schemas.AvroJson;
import dev.herald.schemas.TopicDescriptor;
import dev.herald.schemas.Topics;
import io.kafbat.ui.serde.api.DeserializeResult;
import io.kafbat.ui.serde.api.PropertyResolver;
import io.kafbat.ui.serde.api.Serde;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.apache.avro.generic.IndexedRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the shaded plugin jar as Kafka UI does: a child-first class loader over the jar, whose
 * parent offers only what the UI itself has (the serde API, kafka-clients, slf4j, the JDK). A class
 * missing from the jar, or a serde API class wrongly inside it, fails here.
 */
class PluginJarIT {

  /** Packages the UI's own class loader provides to plugins. */
  private static final List<String> HOST_PACKAGES =
      List.of("io.kafbat.ui.serde.api.", "org.apache.kafka.", "org.slf4j.");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path jar;
  private static URLClassLoader pluginLoader;

  @BeforeAll
  static void load() throws IOException {
    jar = Path.of(System.getProperty("herald.kafkaui.pluginJar", "target/missing.jar"));
    assertThat(jar).as("the shaded jar built by mvn package").isRegularFile();
    pluginLoader = new ChildFirstLoader(new URL[] {jar.toUri().toURL()}, new HostLoader());
  }

  @AfterAll
  static void close() throws IOException {
    pluginLoader.close();
  }

  @Test
  void shouldHoldHeraldAndAvroButNothingTheUiProvides() throws IOException {
    // Given / When
    List<String> entries;
    try (JarFile j = new JarFile(jar.toFile())) {
      entries = j.stream().map(e -> e.getName()).collect(Collectors.toList());
    }

    // Then
    assertThat(entries)
        .contains(
            "dev/herald/kafkaui/HeraldSerde.class",
            "dev/herald/schemas/history/index.txt",
            "org/apache/avro/Schema.class",
            "META-INF/LICENSE")
        .noneMatch(e -> e.startsWith("io/kafbat/"))
        .noneMatch(e -> e.startsWith("org/apache/kafka/"))
        .noneMatch(e -> e.startsWith("org/slf4j/"));
  }

  @Test
  void shouldDecodeEveryTopicWhenLoadedTheWayKafkaUiLoadsIt() throws Exception {
    // Given the serde instantiated by class name from the jar, and configured
    Class<?> type = pluginLoader.loadClass("dev.herald.kafkaui.HeraldSerde");
    assertThat(type.getClassLoader()).isSameAs(pluginLoader);
    Serde serde = (Serde) type.getDeclaredConstructor().newInstance();
    serde.configure(EMPTY, EMPTY, EMPTY);

    for (TopicDescriptor<?, ?> topic : Topics.all()) {
      SampleRecords.Sample sample = SampleRecords.forTopic(topic);
      byte[] bytes = SampleRecords.encode(topic, sample.value());
      String expected =
          sample.value() instanceof IndexedRecord r
              ? AvroJson.toPlainJson(r)
              : (String) sample.value();

      // When
      DeserializeResult result =
          serde
              .deserializer(topic.name(), Serde.Target.VALUE)
              .deserialize(Collections::emptyIterator, bytes);

      // Then
      assertThat(result.getType()).as(topic.name()).isEqualTo(DeserializeResult.Type.JSON);
      assertThat(JSON.readTree(result.getResult()))
          .as(topic.name())
          .isEqualTo(JSON.readTree(expected));
    }
    serde.close();
  }

  private static final PropertyResolver EMPTY =
      new PropertyResolver() {
        @Override
        public <T> Optional<T> getProperty(String key, Class<T> targetType) {
          return Optional.empty();
        }

        @Override
        public <T> Optional<List<T>> getListProperty(String key, Class<T> itemType) {
          return Optional.empty();
        }

        @Override
        public <K, V> Optional<java.util.Map<K, V>> getMapProperty(
            String key, Class<K> keyType, Class<V> valueType) {
          return Optional.empty();
        }
      };

  /** The UI's side: the JDK, and from this test's class path only the host packages. */
  private static final class HostLoader extends ClassLoader {
    HostLoader() {
      super(ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (HOST_PACKAGES.stream().anyMatch(name::startsWith)) {
        return PluginJarIT.class.getClassLoader().loadClass(name);
      }
      throw new ClassNotFoundException(name + " is not provided by Kafka UI");
    }
  }

  /** Kafka UI's plugin loader: the jar first, then the parent; java.* from the system. */
  private static final class ChildFirstLoader extends URLClassLoader {
    ChildFirstLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected synchronized Class<?> loadClass(String name, boolean resolve)
        throws ClassNotFoundException {
      if (name.startsWith("java.")) {
        return findSystemClass(name);
      }
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        try {
          c = findClass(name);
        } catch (ClassNotFoundException e) {
          c = super.loadClass(name, resolve);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }
}
