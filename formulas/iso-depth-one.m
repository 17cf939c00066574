(*
name: iso-depth-one
title: ISO depth L = 1 with label noise: landscape, optimal step and optimal loss
source: paper Result 1 at L = 1; closed form derived in paper-notes §3.1 (equals the tau, kappa -> inf limit of Lu et al. 2024, paper-notes §7.1)
assumptions: isotropic data; depth 1; Gamma = gamma*I; proportional limit
domain: alpha (0, 8]; sigma [0, 2]; gamma (0, 2]
variables: alpha = P/D context ratio; sigma = label-noise standard deviation; gamma = step size
main: isoDepthOneLoss
note: the paper's text states (1+alpha)^(-2) for the sigma = 0 optimum (an erratum, see errata.m); its own
  landscape and figures give 1/(1+alpha).
*)
isoDepthOneLandscape := sigma^2 + 1 - 2*gamma + gamma^2*(1 + (1 + sigma^2)/alpha);
isoDepthOneGamma := alpha/(alpha + 1 + sigma^2);
isoDepthOneLoss := sigma^2 + (1 + sigma^2)/(alpha + 1 + sigma^2);
