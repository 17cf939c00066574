(*
name: iso-infinite-depth
title: ISO optimal loss as depth L -> inf (sigma = 0): [1 - alpha]_+
source: paper Result 2 / §3.1 (stated); derived in paper-notes §3.1 from the Catalan generating function
assumptions: isotropic data; sigma = 0; L -> inf with gamma/L = alpha/(1+alpha)
domain: alpha (0, 8]
variables: alpha = P/D context ratio
main: isoInfiniteDepthLoss
note: isoInfiniteDepthSeries sums the Catalan series, sum C_n x^n = (1 - Sqrt[1 - 4x])/(2x), x = alpha/(1+alpha)^2;
  Sqrt[1 - 4x] = |1 - alpha|/(1 + alpha), so both branches meet at alpha = 1.
*)
isoInfiniteDepthLoss := Max[0, 1 - alpha];
isoInfiniteDepthSeries := 1 - (alpha/(1 + alpha))*(1 - Sqrt[1 - 4*isoCatalanX])/(2*isoCatalanX);
