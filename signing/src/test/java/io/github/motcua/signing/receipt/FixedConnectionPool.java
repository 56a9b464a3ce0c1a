package io.github.motcua.signing.receipt;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A fixed set of connections opened once, as an application's pool would hand them out: closing a
 * connection returns it. PostgreSQL's password authentication costs milliseconds per connection, so
 * the tests use this instead of a connection per call.
 */
final class FixedConnectionPool implements DataSource, AutoCloseable {

  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  FixedConnectionPool(String url, int size, String... sessionSettings) throws SQLException {
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Connection c = DriverManager.getConnection(url);
      for (String setting : sessionSettings) {
        try (java.sql.Statement s = c.createStatement()) {
          s.execute(setting);
        }
      }
      all.add(c);
      idle.add(c);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical;
    try {
      physical = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", e);
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new java.lang.reflect.InvocationHandler() {
              private boolean closed;

              @Override
              public Object invoke(Object proxy, java.lang.reflect.Method m, Object[] args)
                  throws Throwable {
                if (m.getName().equals("close")) {
                  if (!closed) {
                    closed = true;
                    if (!physical.getAutoCommit()) {
                      physical.rollback();
                      physical.setAutoCommit(true);
                    }
                    idle.add(physical);
                  }
                  return null;
                }
                try {
                  return m.invoke(physical, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              }
            });
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : all) {
      c.close();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
