import type {
  Address,
  Coverage,
  Organization,
  Patient,
  Practitioner,
} from '@medplum/fhirtypes';
import type { Appointment } from '../../domain/appointment';
import { SYSTEM } from '../fhirCodes';
import { hushnoteId, ref, type BundleContext } from './bundleContext';

type DomainAddress = Appointment['client']['address'];

const GENDER = { F: 'female', M: 'male', U: 'unknown' } as const;

/** The client, keyed by the practice's client id. */
export function buildPatient(ctx: BundleContext): Patient {
  const client = ctx.input.appointment.client;
  return {
    resourceType: 'Patient',
    identifier: [hushnoteId('client', client.id)],
    name: [{ family: client.familyName, given: [client.givenName] }],
    gender: GENDER[client.sex],
    birthDate: client.birthDate,
    address: [toAddress(client.address)],
  };
}

/** The rendering clinician, keyed by NPI. */
export function buildPractitioner(ctx: BundleContext): Practitioner {
  const clinician = ctx.input.appointment.clinician;
  return {
    resourceType: 'Practitioner',
    identifier: [{ system: SYSTEM.npi, value: clinician.npi }],
    name: [{ text: clinician.name }],
    qualification: [{ code: { text: clinician.credential } }],
  };
}

/** The billing provider (the practice), keyed by NPI. */
export function buildBillingOrganization(ctx: BundleContext): Organization {
  const billing = ctx.input.appointment.billingProvider;
  return {
    resourceType: 'Organization',
    identifier: [{ system: SYSTEM.npi, value: billing.npi }],
    active: true,
    name: billing.name,
    address: [toAddress(billing.address)],
  };
}

/** The payer, keyed by its payer id. */
export function buildPayerOrganization(ctx: BundleContext): Organization {
  const payer = ctx.input.appointment.payer;
  return {
    resourceType: 'Organization',
    identifier: [hushnoteId('payer', payer.id)],
    active: true,
    name: payer.name,
  };
}

/** The client's coverage with the payer, when the appointment has one. */
export function buildCoverage(ctx: BundleContext): Coverage | undefined {
  const { coverage, client, payer } = ctx.input.appointment;
  if (!coverage) return undefined;
  return {
    resourceType: 'Coverage',
    identifier: [hushnoteId('coverage', `${client.id}:${payer.id}`)],
    status: 'active',
    subscriberId: coverage.memberId,
    beneficiary: ref(ctx.refs.patient),
    relationship: {
      coding: [
        {
          system:
            'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
          code: coverage.relationship,
        },
      ],
    },
    payor: [ref(ctx.refs.payerOrg, payer.name)],
    ...(coverage.groupNumber
      ? {
          class: [
            {
              type: {
                coding: [
                  {
                    system:
                      'http://terminology.hl7.org/CodeSystem/coverage-class',
                    code: 'group',
                  },
                ],
              },
              value: coverage.groupNumber,
            },
          ],
        }
      : {}),
  };
}

function toAddress(address: DomainAddress): Address {
  return {
    line: address.line,
    city: address.city,
    state: address.state,
    postalCode: address.postalCode,
    country: 'US',
  };
}
