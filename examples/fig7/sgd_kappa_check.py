# Direct online SGD of the depth-1 reduced model (paper Result 10 setting, sigma = 0), independent of the tool:
# (1/D)|Gamma(t) - I|^2 against the Result 10 recursion and the port's notebook variant (README errata 17).
# Usage: python3 sgd_kappa_check.py D RUNS [alpha:kappa:tau ...]   e.g. 128 4 1:4:0.1 1:1:0.1 (about 3 CPU-min)
import numpy as np, sys
def run(D,alpha,kappa,tau,eta,steps,seed):
    rng=np.random.default_rng(seed)
    P=int(round(alpha*D)); K=int(round(kappa*D)); B=max(1,int(round(tau*D)))
    G=np.zeros((D,D)); out=[np.sum((G-np.eye(D))**2)/D]
    for n in range(steps):
        X=rng.standard_normal((B,P,D)); Xs=rng.standard_normal((B,K,D)); beta=rng.standard_normal((B,D))
        S=np.einsum('bpi,bpj->bij',X,X)/P
        Sb=np.einsum('bij,bj->bi',S,beta)               # Sigma_hat beta
        r=beta-np.einsum('ij,bj->bi',G,Sb)              # (I - Gamma Sigma_hat) beta
        Ssr=np.einsum('bki,bkj,bj->bi',Xs,Xs,r)/K       # Sigma_star r
        grad=np.einsum('bi,bj->ij',Ssr,Sb)/B
        G=G+eta*grad
        out.append(np.sum((G-np.eye(D))**2)/D)
    return np.array(out)
def theory(t,alpha,kappa,tau,eta,variant):
    g=1+1/alpha
    if variant=='paper':
        a=(1-eta*g)**2+eta**2/tau*(1+1/kappa)*g**2; b=eta**2/tau*(1+1/kappa)/alpha
    else:
        r=g; a=1-2*eta*r+eta**2*(1+(1+1/kappa)*r/tau)*r; b=eta**2*(1+(1+1/kappa)*r/tau)/(1+alpha)
    C=a**t*g**-2+(1-a**t)/(1-a)*b
    return C+2/alpha/g**2*(1-eta*g)**t+1/(alpha+1)**2
D=int(sys.argv[1]); cases=[tuple(map(float,c.split(":"))) for c in sys.argv[3:]] or [(1,4,0.1),(1,1,0.1),(1,0.1,1),(0.2,1,1)]
t=np.arange(101)
for alpha,kappa,tau in cases:
    runs=np.array([run(D,alpha,kappa,tau,0.03,100,s) for s in range(int(sys.argv[2]))])
    m=runs.mean(0); se=runs.std(0,ddof=1)/np.sqrt(len(runs))
    tp=theory(t,alpha,kappa,tau,0.03,'paper'); tn=theory(t,alpha,kappa,tau,0.03,'notebook')
    for i in (10,30,100):
        print(f"a={alpha} k={kappa} tau={tau} t={i}: sim {m[i]:.4f}±{se[i]:.4f} paper {tp[i]:.4f} notebook {tn[i]:.4f}")
