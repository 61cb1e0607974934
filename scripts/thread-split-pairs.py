#!/usr/bin/env python3
# Writes eval/src/test/resources/threads/cluster-split-pairs.tsv from the clustering labels: the saga groups and the
# related-but-separate pairs below were written down by reading the labelled stories (see threads/README.md).
import itertools, collections
R='eval/src/test/resources/cluster/'
files={'dev':'dev-labels.tsv','heldout':'heldout-labels.tsv','heldout2':'heldout2-labels.tsv'}
labels={}
for k,f in files.items():
    d=collections.OrderedDict()
    for line in open(R+f):
        if line.startswith('#') or not line.strip(): continue
        a,l=line.rstrip('\n').split('\t')
        if l.startswith('single'): continue
        d.setdefault(l,[]).append(a)
    labels[k]={l:v for l,v in d.items() if len(v)>=2}
saga_groups=[
 ['border-talks-pelosi-no-wall','border-deal-shutdown-talks','national-emergency-declaration','emergency-disapproval-vote'],
 ['inf-treaty-suspended','putin-missile-warning'],
 ['senate-healthcare-drafting','senate-healthcare-bill','trump-repeal-then-replace'],
 ['travel-ban-scotus-petition','trump-travel-ban-tweets','ninth-circuit-travel-ban','travel-ban-scotus-reinstated'],
 ['comey-senate-testimony','sessions-senate-testimony','mueller-obstruction-probe','trump-allies-attack-mueller-team','trump-mueller-fox-interview'],
 ['manafort-lying','manafort-lied-ruling'],
 ['nc-election-fraud','nc9-election-fraud'],
]
G={n:i for i,g in enumerate(saga_groups) for n in g}
def grp(i): return saga_groups[i]
sep=set()
def S(a,bs):
    for b in bs: sep.add(frozenset((a,b)))
for x in grp(0): S('state-of-the-union-2019',[x]); S('el-paso-rally-orourke',[x])
S('booker-2020-launch',['klobuchar-2020-launch','sanders-2020-launch']); S('klobuchar-2020-launch',['sanders-2020-launch'])
S('green-new-deal-unveiled',['feinstein-climate-kids'])
S('va-abortion-bill',['virginia-northam-fairfax-scandals','title-x-abortion-rule','scotus-louisiana-abortion-stay'])
S('title-x-abortion-rule',['scotus-louisiana-abortion-stay'])
S('cohen-testimony',['whitaker-testimony','mueller-report-release','mccabe-60-minutes','manafort-lied-ruling','hanoi-summit','house-trump-tax-returns'])
S('mueller-report-release',['whitaker-testimony','mccabe-60-minutes','manafort-lied-ruling'])
S('whitaker-testimony',['mccabe-60-minutes','manafort-lied-ruling'])
S('mccabe-60-minutes',['manafort-lied-ruling'])
S('g20-china-truce',['huawei-cfo-arrest','nafta-termination'])
S('cohen-sentencing',['flynn-sentencing','manafort-lying']); S('flynn-sentencing',['manafort-lying'])
S('cop24-climate-summit',['nr-climate-opinion'])
for x in grp(2): S('anthem-exits-exchanges',[x])
for x in grp(4): S('wray-fbi-nomination',[x]); S('unmasking-subpoenas',[x]); S('obama-russia-response-report',[x]); S('nsa-leak-reality-winner',[x])
S('london-bridge-attack',['uk-election'])
S('georgia-6th-special-election',['pelosi-leadership-doubts','virginia-primary'])
for x in grp(3): S('daca-dapa-decision',[x])
S('trump-mika-tweets',['cnn-veritas-video'])
S('kennedy-retirement-speculation',['travel-ban-scotus-reinstated'])
rows=[]
def ref(arts): return 'articles:'+','.join(arts)
for k,d in labels.items():
    for a,b in itertools.combinations(sorted(d),2):
        if a in G and b in G and G[a]==G[b]: lab='saga'
        elif frozenset((a,b)) in sep: lab='separate'
        else: lab='unrelated'
        rows.append((ref(d[a]),ref(d[b]),lab,f'{k}: {a} / {b}'))
# sagas across the labelled months
allx={l:v for d in labels.values() for l,v in d.items()}
for g in saga_groups:
    for a,b in itertools.combinations(g,2):
        ka=[k for k in labels if a in labels[k]][0]; kb=[k for k in labels if b in labels[k]][0]
        if ka!=kb: rows.append((ref(allx[a]),ref(allx[b]),'saga',f'{ka}/{kb}: {a} / {b}'))
with open('eval/src/test/resources/threads/cluster-split-pairs.tsv','w') as o:
    o.write('# Story pairs from the clustering labels (eval/src/test/resources/cluster/*-labels.tsv): every pair of two labelled stories\n')
    o.write('# (two or more articles each) of the same labels file, plus the sagas that span two files. Labelled from the\n')
    o.write('# clustering labels\' titles and leads by the rules of README.md; each side is the story holding most of its articles.\n')
    o.write('# A<TAB>B<TAB>label<TAB>note (the labels file and its two story labels).\n')
    for r in rows: o.write('\t'.join(r)+'\n')
c=collections.Counter(r[2] for r in rows); print(len(rows),c)
