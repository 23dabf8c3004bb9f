import yaml,glob,collections
ids={};kinds={}
for f in sorted(glob.glob('knowledge/concepts/*.yml')):
    for c in yaml.safe_load(open(f))['concepts']:
        ids[c['id']]='concept'; kinds[c['id']]={x['kind'] for x in (c.get('facets') or [])}
for r in yaml.safe_load(open('knowledge/roles.yml'))['roles']:
    ids[r['id']]='role'; kinds[r['id']]={k for k in ('duties','requirements','working_conditions') if r.get(k)}
d=yaml.safe_load(open('tests/heldout/questions.yml'))
qs=d['questions']; convs=d['conversations']
items=list(qs)+[t for c in convs for t in c['turns']]
cnt=collections.Counter(); bad=[]; aw=[]
for it in items:
    assert isinstance(it['q'],str), it
    for key in ('topic','compare'):
        t=it.get(key)
        if t is None: continue
        if t!='out_of_scope' and t not in ids: bad.append((key,t,it['q']))
        cnt[t]+=1
    a=it.get('aspect')
    if a and it['topic'] in kinds and a not in kinds[it['topic']]: aw.append((it['topic'],a,it['q']))
print('questions',len(qs),'conversations',len(convs),'turns',sum(len(c['turns']) for c in convs))
print('oos questions',sum(1 for q in qs if q['topic']=='out_of_scope'))
print('turn lengths',collections.Counter(len(c['turns']) for c in convs))
print('unknown ids',bad)
print('aspect not a facet of topic',aw)
missing=[i for i in ids if cnt[i]==0]
print('kb ids',len(ids),'covered',len([i for i in ids if cnt[i]]),'missing',missing)
print('covered <3:',sorted((cnt[i],i) for i in ids if cnt[i]<3))
dup=[k for k,v in collections.Counter(q['q'] for q in qs).items() if v>1]; print('dup q',dup)
