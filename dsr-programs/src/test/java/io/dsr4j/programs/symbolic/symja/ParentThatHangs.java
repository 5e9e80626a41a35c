package io.dsr4j.programs.symbolic.symja;

import io.dsr4j.programs.symbolic.Simplified;
import io.dsr4j.programs.symbolic.SymbolicProgram;

import java.time.Duration;

/**
 * A parent for {@link SymjaChildProcessTest}: starts a Symja child with one call, prints the child's pid and what the
 * call gave, then waits to be killed (never closing the child).
 */
public final class ParentThatHangs {

    public static void main(String[] args) throws InterruptedException {
        SymjaChildProcess math = new SymjaChildProcess();
        Simplified s = math.simplify(SymbolicProgram.parse("add,x1,x1", false), new Simplified.RawForms("", "", ""), null,
                Duration.ofSeconds(20));
        System.out.println(math.childProcess().map(ProcessHandle::pid).orElse(-1L) + " " + s.infix());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
