(*
name: iso-landscape
title: ISO loss landscape L(gamma) of Gamma = gamma*I at depth L: signal + label-noise terms as Marchenko-Pastur moment sums
source: paper Result 1 and App. C.2 (loss integral); moments of the MP law = Narayana polynomials (paper-notes §3.1)
assumptions: isotropic x and beta; reduced-Gamma model with Gamma = gamma*I; proportional limit P, D -> inf with alpha = P/D fixed; finite integer depth L (per-layer step gamma/L)
domain: alpha (0, 4]; gamma (0, 3]; L integer [1, 6]; sigma [0, 2]
variables: alpha = P/D context ratio; gamma = step-size scale; L = depth (in-context GD steps); sigma = label-noise standard deviation
main: isoLoss
note: the integrands (1 - c*lambda)^(2L) and (1 - (1 - c*lambda)^L)^2/lambda are polynomials in lambda, so the
  integrals against rho are finite sums of moments; the zero-eigenvalue atom (alpha < 1) gives m0 = 1 and
  nothing to the noise term (its polynomial has no constant term after cancelling lambda).
*)
(* k-th moment of the MP law with ratio q = 1/a: Narayana polynomial sum_{r<k} Nar(k, r+1) q^r; m0 = 1 *)
mpMoment[k_, a_] := If[k == 0, 1, Sum[Binomial[k, r]*Binomial[k, r + 1]/k*a^(-r), {r, 0, k - 1}]];

(* signal term: integral of rho(lambda)*(1 - gamma*lambda/L)^(2L) *)
isoSignalLoss := Sum[Binomial[2*L, j]*(-gamma/L)^j*mpMoment[j, alpha], {j, 0, 2*L}];

(* noise term: (sigma^2/alpha) * integral of rho(lambda)*(1 - (1 - gamma*lambda/L)^L)^2/lambda *)
isoNoiseLoss := (sigma^2/alpha)*Sum[Binomial[L, i]*Binomial[L, j]*(-1)^(i + j)*(gamma/L)^(i + j)*mpMoment[i + j - 1, alpha], {i, 1, L}, {j, 1, L}];

(* total test loss, sigma^2 included *)
isoLoss := sigma^2 + isoSignalLoss + isoNoiseLoss;
