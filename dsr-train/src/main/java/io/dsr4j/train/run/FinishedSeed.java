package io.dsr4j.train.run;

import io.dsr4j.train.ProgramRecord;
import io.dsr4j.train.ProgramScorer;
import io.dsr4j.train.Trainer;

import java.util.List;

/**
 * What the end-of-run outputs of a seed (files, simplified forms, plots) need from its finished trainer. Taken before
 * the experiment is closed, so the policy, the program cache and the trainer's buffers can be collected before the
 * computer algebra and the plotting library are loaded: their memory then reuses the training's instead of adding
 * to it.
 *
 * @param paretoFront non-dominated programs, increasing complexity
 * @param hallOfFame  best first
 */
public record FinishedSeed(ProgramScorer scorer, ProgramRecord best, ProgramScorer.Test bestTest, boolean success,
                           long iteration, long nevals, double elapsedSeconds, double rBest,
                           List<ProgramRecord> paretoFront, List<ProgramRecord> hallOfFame) {

    public FinishedSeed {
        paretoFront = List.copyOf(paretoFront);
        hallOfFame = List.copyOf(hallOfFame);
    }

    public static FinishedSeed of(Trainer t) {
        return new FinishedSeed(t.scorer(), t.best(), t.bestTest(), t.success(), t.iteration(), t.nevals(),
                t.elapsedSeconds(), t.rBest(), t.paretoFront().front(), t.hallOfFame().programs());
    }
}
