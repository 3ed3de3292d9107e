const fs=require('fs');const {parse,validate,buildSchema,specifiedRules}=require('graphql');
const schema=buildSchema(fs.readFileSync('schema/schema.graphql','utf8'));
function time(q){const d=parse(q);validate(schema,d);let best=Infinity;for(let i=0;i<5;i++){const t=process.hrtime.bigint();validate(schema,d,specifiedRules);best=Math.min(best,Number(process.hrtime.bigint()-t)/1e6);}return best.toFixed(2);}
const rep=(s,n,sep=' ')=>Array.from({length:n},(_, i)=>s.replace(/#/g,i)).join(sep);
for(const F of [100,150,200,300]){
 console.log(F,'fields:',
  'locales{code}', time(`{ ${rep('locales { code }',F/2)} }`),
  '__typename', time(`{ ${rep('__typename',F)} }`),
  'locales{code name}', time(`{ ${rep('locales { code name }',F/3)} }`),
  'frags', time(`{ ${rep('...F#',F/2)} } ${rep('fragment F# on Query { locales { code } }',F/2)}`),
  'nested', time(`{ ${rep('helpArticles { title slug }',F/3)} }`),
 );
}
