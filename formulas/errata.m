(*
name: errata
title: the paper's inconsistent statements next to their corrected versions (check --errata walks through them)
source: paper-notes §8 (items 2-5, 8) with the derivations of §3.1, §3.2, §3.3, §3.5, §3.7
assumptions: as in each cited result; exponents are for power-law spectra lambda_k = k^-nu, lambda_k*omega_k = k^(-nu*beta-1)
domain: alpha (0, 8]; nu [1.1, 2.5]; beta [0.3, 3]; tau (0, 1); lambda (0, 1]; omega (0, 2]; t [0, 100]; L integer [1, 16]
variables: alpha = P/D; nu = capacity; beta = source; tau = tau-transform value in (0, 1); lambda, omega = one mode's eigenvalues; t = time; L = depth
note: paperX is the paper's statement, correctedX the consistent one; a few corrected forms live in the result's
  own file (sgdC0 in sgd-depth-one.m, fsModeLoss in fs-infinite-depth.m).
*)
(* §3.1: L = 1 ISO optimum at sigma = 0 (paper text (1+alpha)^-2; its landscape and figures give 1/(1+alpha)) *)
paperIsoDepthOneLoss := (1 + alpha)^(-2);
correctedIsoDepthOneLoss := 1/(1 + alpha);
(* §3.2: Result 10 initial condition C(0) (paper: 1; Gamma(0) = 0 gives g^-2) *)
paperSgdC0 := 1;
(* §3.3: FS time exponent *)
paperFsTimeExponent := beta/(nu + nu*beta + 1);
correctedFsTimeExponent := nu*beta/(nu*beta + 2*nu + 1);
(* §3.3: App. D loss of one mode without the factor 4 of its own flow *)
paperFsModeLoss := omega*lambda/(1 + omega*lambda^3*t);
(* §3.5: width and context exponents *)
paperWidthExponent := nu*beta;
correctedWidthExponent := nu*Min[beta, 1];
paperContextExponent := nu*beta;
correctedContextExponent := nu*Min[beta, 2];
(* §3.5: free-product rule iw_A iw_B = factor * iw (Result 7 prints (tau - 1)/tau) *)
paperFreeProductFactor := (tau - 1)/tau;
correctedFreeProductFactor := (1 - tau)/tau;
(* §3.7: Result 9 flow without L^-1 stops at w^5 = 1/lambda; with it at gamma = w^5 = L/lambda (Result 4's fixed point) *)
paperFullAttentionFixedPoint := 1/lambda;
correctedFullAttentionFixedPoint := L/lambda;
(* §3.7: App. G.2 growth exponent of w(t) *)
paperFullAttentionWExponent := 5/(5*beta + 2);
correctedFullAttentionWExponent := 1/(5*beta + 2);
