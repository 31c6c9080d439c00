/**
 * osls plugin: removes from each resource's DependsOn the resources it already names through Ref or
 * Fn::GetAtt. CloudFormation orders those by the reference itself, so such a DependsOn is obsolete
 * (cfn-lint W3005); osls adds one to the HTTP API route (HttpApiRouteDefault -> HttpApiIntegrationApi),
 * and `resources.extensions` can only append to DependsOn, never remove.
 */
function referencedResources(value, names = new Set()) {
  if (Array.isArray(value)) {
    for (const item of value) referencedResources(item, names);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') names.add(inner);
      else if (key === 'Fn::GetAtt') {
        const target = Array.isArray(inner) ? inner[0] : String(inner).split('.')[0];
        if (typeof target === 'string') names.add(target);
      } else referencedResources(inner, names);
    }
  }
  return names;
}

function dropObsoleteDependsOn(template) {
  for (const resource of Object.values(template.Resources ?? {})) {
    if (resource.DependsOn === undefined) continue;
    const referenced = referencedResources({
      Properties: resource.Properties,
      Condition: resource.Condition,
    });
    const kept = [resource.DependsOn].flat().filter((name) => !referenced.has(name));
    if (kept.length === 0) delete resource.DependsOn;
    else resource.DependsOn = kept;
  }
}

class DropObsoleteDependsOn {
  constructor(serverless) {
    this.hooks = {
      // After the custom resources are merged in, before the template is written.
      'before:aws:package:finalize:saveServiceState': () =>
        dropObsoleteDependsOn(serverless.service.provider.compiledCloudFormationTemplate),
    };
  }
}

module.exports = DropObsoleteDependsOn;
module.exports.referencedResources = referencedResources;
