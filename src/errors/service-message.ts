/**
 * Extract the human message from the error bodies of the various OpenStack services.
 * Each service wraps its message differently; this knows the shapes we have seen.
 */
export function parseServiceMessage(body: string, contentType = ''): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  if (contentType.includes('json') || text.startsWith('{')) {
    try {
      return messageFromJson(JSON.parse(text));
    } catch {
      // fall through to text handling
    }
  }
  // Swift and some WSGI middlewares answer with HTML or plain text.
  const stripped = text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped.slice(0, 500) || undefined;
}

/** The `faultstring` inside ironic's `error_message`, which is itself a JSON document. */
function ironicFault(text: string): string | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const inner = JSON.parse(text) as { faultstring?: unknown };
    return typeof inner.faultstring === 'string' ? inner.faultstring : undefined;
  } catch {
    return undefined;
  }
}

function messageFromJson(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object') return typeof doc === 'string' ? doc : undefined;
  const o = doc as Record<string, unknown>;
  // keystone: {"error": {"message", "code", "title"}}
  // nova/cinder: {"itemNotFound": {"message", "code"}} or {"badRequest": {...}}
  // neutron: {"NeutronError": {"message", "type", "detail"}}
  // placement / glance (newer): {"errors": [{"detail", "title"}]}
  // glance (older): {"message": ..., "code": ..., "title": ...}
  if (Array.isArray(o.errors) && o.errors.length) {
    return o.errors
      .map((e) => {
        const er = e as Record<string, unknown>;
        return String(er.detail ?? er.title ?? JSON.stringify(er));
      })
      .join('; ');
  }
  if (typeof o.message === 'string') return o.message;
  if (typeof o.faultstring === 'string') return o.faultstring;
  // ironic: {"error_message": "<a JSON document with faultstring>"}
  if (typeof o.error_message === 'string') return ironicFault(o.error_message) ?? o.error_message;
  // barbican: {"code", "title", "description"}
  if (typeof o.description === 'string' && typeof o.title === 'string') return o.description;
  for (const v of Object.values(o)) {
    if (v && typeof v === 'object') {
      const inner = v as Record<string, unknown>;
      if (typeof inner.message === 'string') {
        return inner.detail && typeof inner.detail === 'string' && inner.detail !== inner.message
          ? `${inner.message} (${inner.detail})`
          : inner.message;
      }
    } else if (typeof v === 'string' && v.length > 0 && Object.keys(o).length === 1) {
      return v;
    }
  }
  return undefined;
}
