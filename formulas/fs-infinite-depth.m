(*
name: fs-infinite-depth
title: FS (fixed structured covariance), alpha -> inf, depth L -> inf: per-mode step gamma_k(t) and the loss curve
source: paper Result 4, App. D (factor-4 convention of App. D, dgamma_k/dt = 2 omega_k lambda_k^2 Exp[-2 lambda_k gamma_k]); paper-notes §3.3
assumptions: Sigma and Omega codiagonal; alpha -> inf; L -> inf; zero initialisation; power-law spectrum lambda_k = k^-nu, p_k = lambda_k omega_k = k^(-nu*beta-1)/sum_j j^(-nu*beta-1) over dim modes
domain: nu [1.1, 2.5]; beta [0.3, 2]; t [0, 1000]; dim integer [1, 60]; lambda (0, 1]; omega (0, 2]
variables: nu = capacity exponent; beta = source exponent; t = gradient-flow time (App. D convention); dim = number of modes; lambda, omega = one mode's eigenvalues
main: fsLoss
note: App. D prints (1/D) sum omega_k lambda_k [1 + omega_k lambda_k^3 t]^-1, without the 4 (erratum, errata.m).
*)
fsModeGamma := Log[1 + 4*omega*lambda^3*t]/(2*lambda);
fsModeLoss := omega*lambda/(1 + 4*omega*lambda^3*t);
fsNorm := Sum[j^(-nu*beta - 1), {j, 1, dim}];
(* With: the normalisation is computed once, not inside every term *)
fsLoss := With[{norm = fsNorm}, Sum[k^(-nu*beta - 1)/(1 + 4*k^(-nu*beta - 1)*k^(-2*nu)*t/norm), {k, 1, dim}]/norm];
