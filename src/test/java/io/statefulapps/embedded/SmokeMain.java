package io.statefulapps.embedded;

import java.nio.file.Path;

public class SmokeMain {
  public static void main(String[] args) throws Exception {
    try (EmbeddedApiServer api = EmbeddedApiServer.start(Integer.parseInt(args[0]))) {
      api.writeKubeconfig(Path.of("/tmp/embedded-kubeconfig"));
      System.out.println("READY " + api.url());
      Thread.sleep(Long.parseLong(args[1]));
    }
  }
}
