package io.rnnsuite.forecast.model;

/**
 * Ridge least squares, {@code W = (XᵀX + λI)⁻¹ XᵀY}, solved by Cholesky decomposition. The last
 * column of X is taken to be the bias and is not penalised. Sizes here are small (a few hundred
 * features), so plain Java is fast enough and keeps the baseline independent of the network code.
 */
final class RidgeRegression {

    private RidgeRegression() {
    }

    /**
     * @param x      {@code [rows][features]}, last feature = 1 (bias)
     * @param y      {@code [rows][outputs]}
     * @param lambda ridge strength, > 0
     * @return {@code [outputs][features]}
     */
    static double[][] solve(double[][] x, double[][] y, double lambda) {
        int n = x.length;
        int p = x[0].length;
        int q = y[0].length;
        double[][] a = new double[p][p];
        double[][] b = new double[p][q];
        for (int r = 0; r < n; r++) {
            double[] xr = x[r];
            for (int i = 0; i < p; i++) {
                double xi = xr[i];
                if (xi == 0) {
                    continue;
                }
                for (int j = i; j < p; j++) {
                    a[i][j] += xi * xr[j];
                }
                for (int k = 0; k < q; k++) {
                    b[i][k] += xi * y[r][k];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
            a[i][i] += i == p - 1 ? 1e-9 : lambda;
        }
        double[][] l = cholesky(a);
        double[][] w = new double[q][p];
        for (int k = 0; k < q; k++) {
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                double s = b[i][k];
                for (int j = 0; j < i; j++) {
                    s -= l[i][j] * z[j];
                }
                z[i] = s / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double s = z[i];
                for (int j = i + 1; j < p; j++) {
                    s -= l[j][i] * w[k][j];
                }
                w[k][i] = s / l[i][i];
            }
        }
        return w;
    }

    private static double[][] cholesky(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-12));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }
}
