(*
name: rrs-loss
title: RRS (randomly rotated structured), P = N = inf: depth-L loss landscape, its L -> inf limit and the gradient-flow rate
source: paper Result 6, App. E, App. F.2-F.3; paper-notes §3.4
assumptions: Haar rotation per context; alpha -> inf, no width bottleneck; Gamma = gamma*I; power-law spectrum lambda_k = k^-nu, p_k = k^(-nu*beta-1)/sum_j j^(-nu*beta-1) over dim modes
domain: nu [1.1, 2.5]; beta [0.3, 2]; gamma (0, 2]; L integer [1, 6]; dim integer [1, 40]
variables: nu = capacity; beta = source; gamma = step-size scale; L = depth; dim = number of modes
main: rrsLoss
note: flow convention dgamma/dt = -1/2 dLoss/dgamma = rrsFlowRate; stability gamma < 2L/lambda_1 = 2L.
*)
rrsNorm := Sum[j^(-nu*beta - 1), {j, 1, dim}];
rrsLoss := Sum[k^(-nu*beta - 1)*(1 - gamma*k^(-nu)/L)^(2*L), {k, 1, dim}]/rrsNorm;
rrsInfiniteDepthLoss := Sum[k^(-nu*beta - 1)*Exp[-2*gamma*k^(-nu)], {k, 1, dim}]/rrsNorm;
rrsFlowRate := Sum[k^(-nu*beta - 1)*k^(-nu)*(1 - gamma*k^(-nu)/L)^(2*L - 1), {k, 1, dim}]/rrsNorm;
