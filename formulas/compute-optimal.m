(*
name: compute-optimal
title: compute-optimal allocation: minimise sum_i c_i*x_i^-a_i subject to Product[x_i^b_i] = C
source: paper Result 8 ("L proportional to N^nu at C = t*P^2*N^2*L"); paper-notes §5.3 (derived), §7.3
assumptions: every resource x_i of the compute formula is free and its loss term is a power law c_i*x_i^-a_i (a_i > 0, b_i > 0); resources absent from the formula are infinite
domain: a (0, 10]; b (0, 10]; e (0, 1]
variables: a = exponent of the loss in a resource; b = power of that resource in the compute formula; e = exponent of C in the optimal loss
main: computeOptimalLossExponent
note: Lagrange: a_i*c_i*x_i^-a_i = mu*b_i, so every term scales alike; with x_i ~ C^eps_i the exponents solve
  a_i*eps_i = e (all i) and sum_i b_i*eps_i = 1, hence e = 1/sum_i b_i/a_i and eps_i = e/a_i.
  The verb solves this linear system symbolically (Solve) for the exponents of the table, saturation branch included.
*)
computeOptimalLossExponent[a_List, b_List] := 1/Total[b/a];
computeOptimalResourceExponent[a_List, b_List, i_] := computeOptimalLossExponent[a, b]/a[[i]];
