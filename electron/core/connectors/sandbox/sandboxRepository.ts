import { MemoryRepository } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';
import type { WithId } from '@medplum/core';

/**
 * The in-memory FHIR repository, also keeping a synchronous view of what
 * it holds so tests can count resources without a search round trip.
 */
export class SandboxRepository extends MemoryRepository {
  private readonly held = new Map<string, Map<string, Resource>>();

  override async createResource<T extends Resource>(
    resource: T,
  ): Promise<WithId<T>> {
    const created = await super.createResource(resource);
    this.remember(created);
    return created;
  }

  override async updateResource<T extends Resource>(
    resource: T,
    options?: Parameters<MemoryRepository['updateResource']>[1],
  ): Promise<WithId<T>> {
    const updated = await super.updateResource(resource, options);
    this.remember(updated);
    return updated;
  }

  override async deleteResource(
    resourceType: string,
    id: string,
  ): Promise<void> {
    await super.deleteResource(resourceType, id);
    this.held.get(resourceType)?.delete(id);
  }

  /** Number of resources per type. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [type, byId] of this.held) {
      if (byId.size > 0) out[type] = byId.size;
    }
    return out;
  }

  /** The current version of every resource of one type. */
  list<T extends Resource = Resource>(type: T['resourceType']): T[] {
    return [...(this.held.get(type)?.values() ?? [])] as T[];
  }

  private remember(resource: Resource & { id: string }): void {
    const byId =
      this.held.get(resource.resourceType) ?? new Map<string, Resource>();
    byId.set(resource.id, resource);
    this.held.set(resource.resourceType, byId);
  }
}
