package io.dsr4j.programs.poly;

/**
 * How the {@code poly} token is fitted ({@code task.poly_optimizer_params}, reference §8/§9.2; only DSO's default
 * regressor, plain least squares, is implemented).
 *
 * @param degree  total degree of the polynomial in the inputs ({@code degree}, default 3)
 * @param coefTol coefficients smaller than this in magnitude are dropped ({@code coef_tol}, default 1e-6)
 */
public record PolyFitOptions(int degree, double coefTol) {

    public static final PolyFitOptions DEFAULT = new PolyFitOptions(PolyToken.DEGREE, PolyToken.COEF_TOL);

    public PolyFitOptions {
        if (degree < 0) throw new IllegalArgumentException("poly degree must be at least 0, got " + degree);
        if (!(coefTol >= 0) || Double.isInfinite(coefTol)) {
            throw new IllegalArgumentException("poly coef_tol must be a finite number >= 0, got " + coefTol);
        }
    }
}
