package org.lacrima.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.lacrima.core.InputException;

/**
 * Where a project lies: a SQLite file (the embedded default, one project per file) or a named
 * project on a PostgreSQL server, where one schema holds many projects.
 */
public sealed interface ProjectLocation {

  /** For messages. */
  String describe();

  /** A project file, e.g. {@code study.lacrima}. */
  record SqliteFile(Path file) implements ProjectLocation {
    @Override
    public String describe() {
      return file.toString();
    }
  }

  /** A project named {@code project} on a server, in {@code schema} (default "lacrima"). */
  record PostgresProject(String jdbcUrl, Properties properties, String schema, String project) implements ProjectLocation {
    @Override
    public String describe() {
      return "project \"" + project + "\" on " + jdbcUrl.replaceFirst("^jdbc:", "") + " (schema " + schema + ")";
    }
  }

  String DEFAULT_SCHEMA = "lacrima";

  /**
   * Reads a project argument: with {@code --db postgresql://[user[:password]@]host[:port]/database[?schema=…]}
   * it is a project name on that server; without, a file path.
   */
  static ProjectLocation of(String project, Optional<String> db) {
    if (db.isEmpty() || db.get().isBlank()) {
      return new SqliteFile(Path.of(project));
    }
    return postgres(db.get(), project);
  }

  /** A server URL as messages may show it: without the password of its user part. */
  static String redacted(String db) {
    // up to the last "@" before the query: a password may hold "/" or "@" unescaped
    return db.replaceFirst("(//[^/:@?]*):[^?]*@", "$1:***@").replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }

  static PostgresProject postgres(String db, String project) {
    String url = db.strip();
    if (url.startsWith("jdbc:")) {
      url = url.substring("jdbc:".length());
    }
    if (url.startsWith("postgres://")) {
      url = "postgresql://" + url.substring("postgres://".length());
    }
    if (!url.startsWith("postgresql://")) {
      throw new InputException("--db " + redacted(db) + " is not a PostgreSQL URL (postgresql://host:port/database)");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InputException("--db " + redacted(db) + " is not a valid URL: " + redacted(e.getReason()));
    }
    if (uri.getHost() == null && uri.getRawAuthority() != null && uri.getRawAuthority().matches(".*:[^:@]*\\D[^:@]*$")) {
      throw new InputException("--db " + redacted(db) + ": the port is not a number (postgresql://host:5432/database)");
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
      throw new InputException("--db " + redacted(db) + " names no host or database (postgresql://host:port/database)");
    }
    Properties props = new Properties();
    if (uri.getRawUserInfo() != null) {
      String[] userInfo = uri.getRawUserInfo().split(":", 2);
      props.setProperty("user", decode(userInfo[0]));
      if (userInfo.length > 1) {
        props.setProperty("password", decode(userInfo[1]));
      }
    }
    String schema = DEFAULT_SCHEMA;
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String key = decode(kv[0]);
        String value = kv.length > 1 ? decode(kv[1]) : "";
        if (key.equals("schema") || key.equals("currentSchema")) {
          schema = value;
        } else {
          params.put(key, value);
        }
      }
    }
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new InputException("--db: schema \"" + schema + "\" must be lower case letters, digits and _");
    }
    params.forEach(props::setProperty);
    props.setProperty("currentSchema", schema);
    props.putIfAbsent("ApplicationName", "lacrima");
    String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    if (project.isBlank()) {
      throw new InputException("name the project on the server (a project name, not a file)");
    }
    return new PostgresProject(jdbc, props, schema, project.strip());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
