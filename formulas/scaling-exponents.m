(*
name: scaling-exponents
title: scaling exponents of the asymptotic loss terms, each a tail sum sum_k k^-(1+s)*F(k^-p*R^q)
source: paper Result 8 (App. F.2-F.5), Result 4 (App. D), Result 9 (App. G.2); paper-notes §3.3-§3.5, §3.7, §5.2, §8 items 4-5
assumptions: lambda_k = k^-nu (nu > 1), p_k = lambda_k*omega_k ~ k^-(nu*beta+1) (beta > 0); one resource finite, the others infinite; F(0) = 1, F(u) ~ u^-m as u -> Infinity (m = Infinity: exponential filter)
domain: nu [1.1, 3]; beta [0.1, 4]; s (0, 10]; p (0, 10]; q (0, 10]; m [1, 3]; a (0, 10]
variables: nu = capacity; beta = source; s = tail source exponent; p = rate of the filter in k; q = power of the resource in the filter; m = decay of the filter; a = exponent of a loss in a trained parameter
main: tailExponent
note: Rule (derived, see org.iclscale.scaling): with k = R^(q/p)*x the sum is R^(-q*s/p)*(1/p)*Integral[y^(s/p-1)*F(y), {y, 0, Infinity}];
  the Mellin integral converges at y -> Infinity iff s/p < m (unsaturated: the unlearned tail k > R^(q/p) dominates);
  otherwise the learned head k < R^(q/p) dominates, sum_k k^-(1+s)*(k^-p*R^q)^-m ~ R^(-q*m) (saturated).
  Hence exponent (q/p)*Min[s, p*m]. A term whose resource is training time enters through a parameter theta
  (gamma = theta^r) trained by gradient flow: Loss(theta) ~ theta^-a gives d theta/dt ~ theta^(-a-1), theta ~ t^(1/(a+2)),
  Loss ~ t^(-a/(a+2)) = flowExponent[a].
  Per term X: XTailSource = s, XTailRate = p, XResourcePower = q (for a flow term: r, the power of theta in gamma),
  XFilterDecay = m, XFilter[u] = F(u), XFlow = 1 if trained by gradient flow else 0, XPaperExponent = the paper's printed value.
*)
tailExponent[s_, p_, q_, m_] := (q/p)*Min[s, p*m];
flowExponent[a_] := a/(a + 2);

(* RRS time, L = N = P = inf (App. F.2): Loss(gamma) = sum_k p_k*Exp[-2*gamma*lambda_k], gamma(t) by gradient flow *)
timeTailSource := nu*beta;
timeTailRate := nu;
timeResourcePower := 1;
timeFilterDecay := Infinity;
timeFilter[u_] := Exp[-2*u];
timeFlow := 1;
timePaperExponent := beta/(2 + beta);

(* depth, t = N = P = inf (App. F.3): min over gamma < 2*L of sum_k p_k*(1 - gamma*lambda_k/L)^(2*L) ~ Exp[-2*c*L*lambda_k], c -> 2 *)
depthTailSource := nu*beta;
depthTailRate := nu;
depthResourcePower := 1;
depthFilterDecay := Infinity;
depthFilter[u_] := Exp[-4*u];
depthFlow := 0;
depthPaperExponent := beta;

(* width floor, t = L = P = inf (App. F.5, exact first-power form, notes §3.5): sum_k p_k*z/(z + lambda_k), z ~ width^-nu *)
widthTailSource := nu*beta;
widthTailRate := nu;
widthResourcePower := nu;
widthFilterDecay := 1;
widthFilter[u_] := 1/(1 + u);
widthFlow := 0;
widthPaperExponent := nu*beta;

(* context floor, t = L = N = inf (App. F.5, min-norm interpolation): sum_k p_k*r^2/(r + lambda_k)^2 / (1 - df2/P), r ~ P^-nu *)
contextTailSource := nu*beta;
contextTailRate := nu;
contextResourcePower := nu;
contextFilterDecay := 2;
contextFilter[u_] := 1/(1 + u)^2;
contextFlow := 0;
contextPaperExponent := nu*beta;

(* FS time, L = inf, alpha = inf (Result 4, App. D): sum_k p_k/(1 + 4*omega_k*lambda_k^3*t), omega_k*lambda_k^3 ~ k^-(nu*beta + 2*nu + 1) *)
fsTimeTailSource := nu*beta;
fsTimeTailRate := nu*beta + 2*nu + 1;
fsTimeResourcePower := 1;
fsTimeFilterDecay := 1;
fsTimeFilter[u_] := 1/(1 + 4*u);
fsTimeFlow := 0;
fsTimePaperExponent := beta/(nu + nu*beta + 1);

(* full linear attention time (Result 9, App. G.2): gamma = w^5, Loss(w) = sum_k p_k*Exp[-2*w^5*lambda_k], w trained by gradient flow *)
fullAttentionTimeTailSource := nu*beta;
fullAttentionTimeTailRate := nu;
fullAttentionTimeResourcePower := 5;
fullAttentionTimeFilterDecay := Infinity;
fullAttentionTimeFilter[u_] := Exp[-2*u];
fullAttentionTimeFlow := 1;
fullAttentionTimePaperExponent := 5*beta/(5*beta + 2);

(* the derived exponents (general form; `iclscale exponents` selects the branch at given nu, beta) *)
timeExponent := flowExponent[tailExponent[timeTailSource, timeTailRate, timeResourcePower, timeFilterDecay]];
depthExponent := tailExponent[depthTailSource, depthTailRate, depthResourcePower, depthFilterDecay];
widthExponent := tailExponent[widthTailSource, widthTailRate, widthResourcePower, widthFilterDecay];
contextExponent := tailExponent[contextTailSource, contextTailRate, contextResourcePower, contextFilterDecay];
fsTimeExponent := tailExponent[fsTimeTailSource, fsTimeTailRate, fsTimeResourcePower, fsTimeFilterDecay];
fullAttentionTimeExponent := flowExponent[tailExponent[fullAttentionTimeTailSource, fullAttentionTimeTailRate, fullAttentionTimeResourcePower, fullAttentionTimeFilterDecay]];
