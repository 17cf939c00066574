(*
name: floors
title: width and context floors of RRS (infinite time and depth): losses with their self-consistent scales z (width) and r (context)
source: paper App. F.5 (paper-notes §3.5: first-power width floor and the ridgeless context factor are the exact limits; the paper's line mixes squared and first-power forms)
assumptions: power-law spectrum lambda_k = k^-nu, p_k = k^(-nu*beta-1)/sum_j j^(-nu*beta-1) over dim modes; rank-width coordinate projection (width floor, P = inf); min-norm interpolation with P < dim samples (context floor, N = D)
domain: nu [1.1, 2.5]; beta [0.3, 3]; dim integer [20, 60]; width integer [1, 15]; context integer [1, 15]; z (0, 1]; r (0, 1]
variables: nu = capacity; beta = source; dim = number of modes; width = N; context = P; z, r = the self-consistent scales
main: widthFloorLoss
note: z solves widthFloorCondition = 0 (sum_k lambda_k/(z + lambda_k) = N), r solves contextFloorCondition = 0;
  width floor ~ N^(-nu*Min[beta, 1]), context floor ~ P^(-nu*Min[beta, 2]).
*)
floorNorm := Sum[j^(-nu*beta - 1), {j, 1, dim}];
widthFloorCondition := Sum[k^(-nu)/(z + k^(-nu)), {k, 1, dim}] - width;
widthFloorLoss := Sum[k^(-nu*beta - 1)*z/(z + k^(-nu)), {k, 1, dim}]/floorNorm;
contextFloorCondition := Sum[k^(-nu)/(r + k^(-nu)), {k, 1, dim}] - context;
contextFloorLoss := Sum[k^(-nu*beta - 1)*r^2/(r + k^(-nu))^2, {k, 1, dim}]/floorNorm/(1 - Sum[k^(-2*nu)/(r + k^(-nu))^2, {k, 1, dim}]/context);
