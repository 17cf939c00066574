(*
name: sgd-depth-one
title: depth-1 online SGD (Result 10): the C(t) recursion, the paper's (1/D)|Gamma(t) - I|^2 and the true ICL test loss
source: paper Result 10, App. C.1; paper-notes §3.2 (corrected C(0) = g^-2; ICL loss derived)
assumptions: isotropic data; depth 1; online SGD from Gamma(0) = 0 with learning rate eta, batch B = tau*D contexts, K = kappa*D queries; stability a < 1
domain: alpha [0.5, 2]; kappa [0.5, 2]; tau [0.5, 2]; eta (0, 0.02]; sigma [0, 1]; t integer [0, 200]
variables: alpha = P/D; kappa = K/D; tau = B/D; eta = learning rate; sigma = label-noise sd; t = SGD step
main: sgdLoss
note: the ICL loss of a (possibly anisotropic) Gamma at depth 1 is sigma^2 + 1 - 2 tr Gamma + g tr Gamma^T Gamma
  = sigma^2 + 1 - 1/g + g*(1/D)|Gamma - I/g|^2, hence sgdLoss = sigma^2 + 1 - 1/g + g*C(t).
*)
sgdG := 1 + (1 + sigma^2)/alpha;
sgdA := (1 - eta*sgdG)^2 + (eta^2/tau)*(1 + 1/kappa)*sgdG^2;
sgdB := (eta^2/tau)*(1 + 1/kappa)*(1 + sigma^2)/alpha;
(* C(0) = (1/D)|0 - Gamma_*|^2 = g^-2 for Gamma(0) = 0; the paper prints C(0) = 1 *)
sgdC0 := sgdG^(-2);
sgdC := sgdA^t*sgdC0 + (1 - sgdA^t)/(1 - sgdA)*sgdB;
sgdGammaDistance := sgdC + 2*(1 + sigma^2)/(alpha*sgdG^2)*(1 - eta*sgdG)^t + (1 + sigma^2)^2/(alpha + 1 + sigma^2)^2;
sgdLoss := sigma^2 + 1 - 1/sgdG + sgdG*sgdC;
sgdAsymptoticLoss := sigma^2 + 1 - 1/sgdG + sgdG*sgdB/(1 - sgdA);
