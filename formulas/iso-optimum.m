(*
name: iso-optimum
title: ISO optimal step size and optimal loss at sigma = 0, any depth L (Catalan form)
source: paper Result 1 / App. C.2 (the paper states only L = 1 and L = inf); any-L closed form derived in paper-notes §3.1 (semicircle substitution, Catalan numbers)
assumptions: isotropic data; sigma = 0; reduced Gamma = gamma*I; gradient flow converged to the minimiser of the landscape
domain: alpha (0, 8]; L integer [1, 12]
variables: alpha = P/D context ratio; L = depth (in-context GD steps)
main: isoOptimalLoss
series: isoOptimalLoss -> isoOptimalLossClosed
note: gamma*/L = alpha/(1+alpha) = 2/(lambda_- + lambda_+) for every L; isoOptimalLoss at fixed L is a rational
  function of alpha with denominator (1+alpha)^(2L-1).
  Closed form in L (for derive --series L): the Catalan series sums to [1 - alpha]_+ (iso-infinite-depth.m), and
  its tail is sum_{n>=L} C_n x^n = C_L x^L 2F1(1, L + 1/2; L + 2; 4x) (ratio of consecutive terms
  (n + 1/2)/(n + 2)*4x), so isoOptimalLoss = [1 - alpha]_+ + isoOptimalLossTail, 4x = 4*alpha/(1+alpha)^2 <= 1.
*)
isoCatalanX := alpha/(1 + alpha)^2;
isoOptimalGamma := L*alpha/(1 + alpha);
isoOptimalLoss := 1 - (alpha/(1 + alpha))*Sum[CatalanNumber[n]*isoCatalanX^n, {n, 0, L - 1}];
isoOptimalLossTail := (alpha/(1 + alpha))*CatalanNumber[L]*isoCatalanX^L*Hypergeometric2F1[1, L + 1/2, L + 2, 4*isoCatalanX];
isoOptimalLossClosed := Max[0, 1 - alpha] + isoOptimalLossTail;
