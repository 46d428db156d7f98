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
      return "project \"" + project + "\" on " + server().describe();
    }

    public PostgresServer server() {
      return new PostgresServer(jdbcUrl, properties, schema);
    }
  }

  /** A server and schema that hold projects, as {@code --db} names them. */
  record PostgresServer(String jdbcUrl, Properties properties, String schema) {
    public String describe() {
      return jdbcUrl.replaceFirst("^jdbc:", "") + " (schema " + schema + ")";
    }

    PostgresProject project(String name) {
      if (name.isBlank()) {
        throw new InputException("name the project on the server (a project name, not a file)");
      }
      // one name however it was typed: composed, as documents and coders are named
      return new PostgresProject(jdbcUrl, properties, schema, java.text.Normalizer.normalize(name.strip(),
          java.text.Normalizer.Form.NFC));
    }
  }

  String DEFAULT_SCHEMA = "lacrima";

  /**
   * Reads a project argument: with {@code --db postgresql://[user[:password]@]host[:port]/database[?schema=…]}
   * it is a project name on that server; without, a file path.
   */
  static ProjectLocation of(String project, Optional<String> db) {
    if (project.strip().matches("(?i)(jdbc:)?postgres(ql)?://.*")) {
      // a server's URL where the project's name belongs: not a file name, and the message must not repeat it whole
      throw new InputException("\"" + redacted(project.strip()) + "\" is a server's URL, not a project: name the "
          + "project and give the server with --db (lacrima stats PROJECT --db postgresql://host/database)");
    }
    if (db.isEmpty() || db.get().isBlank()) {
      return new SqliteFile(Path.of(project));
    }
    return postgres(db.get(), project);
  }

  /** A name as a suggested command writes it: quoted where a shell would split or read it otherwise. */
  static String shellWord(String name) {
    return name.matches("[A-Za-z0-9._/:@+=,-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
  }

  /** A server URL as messages may show it: without the password of its user part. */
  static String redacted(String db) {
    // the user part runs to the last "@": a password may hold "/", "?", "#" or "@" unescaped. Where a query holds an
    // "@" too, more than the password is hidden, which is the safe way to be wrong.
    String out = db;
    int slashes = out.indexOf("//");
    int at = out.lastIndexOf('@');
    if (slashes >= 0 && at > slashes) {
      int colon = out.indexOf(':', slashes + 2);
      if (colon >= 0 && colon < at) {
        out = out.substring(0, colon + 1) + "***" + out.substring(at);
      }
    }
    // password=, sslpassword= and any other setting that carries one
    return out.replaceAll("(?i)([?&][a-z_]*password=)[^&]*", "$1***");
  }

  static PostgresProject postgres(String db, String project) {
    return server(db).project(project);
  }

  /** Reads {@code --db postgresql://[user[:password]@]host[:port]/database[?schema=…]}. */
  static PostgresServer server(String db) {
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
      throw new InputException("--db " + redacted(db) + ": the port is not a number (postgresql://host:5432/database)"
          + (db.contains("@") ? "; a password with / ? # or @ in it is written percent-encoded (%2F %3F %23 %40)" : ""));
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
      throw new InputException("--db " + redacted(db) + " names no host or database (postgresql://host:port/database)"
          + (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@") ? "; a password with / ? # or @ in it "
          + "is written percent-encoded (%2F %3F %23 %40)" : ""));
    }
    if (uri.getPort() > 65535) {
      throw new InputException("--db " + redacted(db) + ": port " + uri.getPort() + " is no port (1 to 65535)");
    }
    if (uri.getRawPath().contains("@") || uri.getPath().indexOf('/', 1) >= 0) {
      // "alice:2024/Secret@host": a password with "/" in it, read as a port and a path that holds the rest of it
      throw new InputException("--db " + redacted(db) + ": the part after the host is no database name (postgresql://"
          + "host:port/database)" + (uri.getRawPath().contains("@") ? "; a password with / ? # or @ in it is written "
          + "percent-encoded (%2F %3F %23 %40)" : ""));
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
    return new PostgresServer(jdbc, props, schema);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
