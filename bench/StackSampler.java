import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
/**
 * Where a whole command spends its time (issue 17): runs the command in this JVM through Main.commandLine and
 * samples the stacks of every runnable thread every 5 ms, grouped by the outermost org.iclscale.figures.FigN frame
 * (FIG), by library (CAT: XChart, VectorGraphics2D (SVG), ImageIO (PNG), Java2D, the project's packages) and by both
 * (FIGCAT). Samples are thread time only (JIT compiler threads are not Java threads; under load a runnable thread
 * may be waiting for a core). Usage, from the repository after a build:
 *   A=iclscale-cli/target; java -XX:+UseSerialGC -Xss16m -XX:TieredStopAtLevel=1 -cp "$A/iclscale.jar:$A/lib/*" \
 *     bench/StackSampler.java figure all --out /tmp/fig --pdf off
 */
public class StackSampler {
  static volatile boolean on = true;
  static String cat(StackTraceElement[] st) {
    // first frame (from the top) in a recognisable library, else the top frame's package
    for (StackTraceElement e : st) { String c = e.getClassName();
      if (c.startsWith("org.knowm.xchart")) return "xchart";
      if (c.startsWith("de.erichseifert")) return "vectorgraphics2d(svg)";
      if (c.startsWith("javax.imageio") || c.startsWith("com.sun.imageio")) return "imageio(png)";
      if (c.startsWith("sun.java2d") || c.startsWith("java.awt") || c.startsWith("sun.font") || c.startsWith("sun.awt")) return "java2d/awt";
      if (c.startsWith("org.iclscale.plot")) return "iclscale.plot";
      if (c.startsWith("org.iclscale.io")) return "iclscale.io";
      if (c.startsWith("org.iclscale.figures")) return "figures:" + c.substring(21) + "." + e.getMethodName();
      if (c.startsWith("org.iclscale.") && !c.startsWith("org.iclscale.cli")) return "model:" + c.substring(13) + "." + e.getMethodName();
      if (c.startsWith("org.hipparchus")) return "hipparchus";
    }
    return "other:" + st[0].getClassName();
  }
  public static void main(String[] a) throws Exception {
    Map<String,Integer> fig = new TreeMap<>(), cats = new HashMap<>(), figcat = new HashMap<>();
    Thread s = new Thread(() -> {
      while (on) {
        for (Map.Entry<Thread, StackTraceElement[]> en : Thread.getAllStackTraces().entrySet()) {
          Thread t = en.getKey(); StackTraceElement[] st = en.getValue();
          if (t == Thread.currentThread() || t.getName().startsWith("Reference") || t.getState() != Thread.State.RUNNABLE || st.length == 0) continue;
          String f = "none";
          for (int i = st.length - 1; i >= 0; i--) { String c = st[i].getClassName(); if (c.matches("org\\.iclscale\\.figures\\.Fig\\d.*")) { f = c.substring(21).replaceAll("\\$.*", ""); break; } }
          String k = cat(st);
          fig.merge(f, 1, Integer::sum); cats.merge(k.replaceAll("\\..*", "").replaceAll(":.*",""), 1, Integer::sum); figcat.merge(f + " | " + k, 1, Integer::sum);
        }
        try { Thread.sleep(5); } catch (InterruptedException e) { return; }
      }
    });
    s.setDaemon(true); s.start();
    PrintWriter out = new PrintWriter(new StringWriter());
    picocli.CommandLine cl = org.iclscale.cli.Main.commandLine(a); cl.setOut(out); cl.setErr(out); cl.execute(a);
    on = false; s.join();
    dump("FIG", fig); dump("CAT", cats); dump("FIGCAT", figcat);
  }
  static void dump(String tag, Map<String,Integer> m) {
    m.entrySet().stream().sorted((x,y)->y.getValue()-x.getValue()).limit(45).forEach(e -> System.out.println(tag+"\t"+e.getValue()+"\t"+e.getKey()));
  }
}
