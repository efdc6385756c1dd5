import { z } from 'zod';

/**
 * The appointment a session belongs to: who, when, how and for which payer.
 * It is what `hushnote process --appointment` reads and what schedule sync
 * produces. Times are ISO 8601 instants with an offset; `timeZone` is the
 * IANA zone the clinician works in.
 */
export const modalitySchema = z.enum(['video', 'audio', 'in-person']);
export const clientLocationSchema = z.enum(['home', 'other']);
export const serviceSchema = z.enum([
  'psychotherapy',
  'crisis',
  'family',
  'family-with-client',
  'group',
  'intake',
]);

const addressSchema = z.object({
  line: z.array(z.string()).min(1),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});

export const appointmentSchema = z.object({
  id: z.string().min(1),
  client: z.object({
    id: z.string().min(1),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.string(),
    sex: z.enum(['F', 'M', 'U']),
    address: addressSchema,
    /** 42 CFR Part 2 program the client is treated in, if any. */
    part2Program: z.string().optional(),
  }),
  clinician: z.object({
    id: z.string().min(1),
    name: z.string(),
    npi: z.string(),
    credential: z.string(),
    taxonomy: z.string().optional(),
  }),
  billingProvider: z.object({
    name: z.string(),
    npi: z.string(),
    taxId: z.string(),
    address: addressSchema,
    /** The billing office's contact, required on every 837P (PER). */
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  payer: z.object({
    id: z.string(),
    name: z.string(),
    /** Which payer profile under resources/payers applies. */
    profile: z.string(),
  }),
  coverage: z
    .object({
      memberId: z.string(),
      groupNumber: z.string().optional(),
      relationship: z.enum(['self', 'spouse', 'child', 'other']),
      subscriber: z
        .object({
          givenName: z.string(),
          familyName: z.string(),
          birthDate: z.string(),
          sex: z.enum(['F', 'M', 'U']),
          address: addressSchema,
        })
        .optional(),
    })
    .optional(),
  service: serviceSchema,
  modality: modalitySchema,
  clientLocation: clientLocationSchema,
  timeZone: z.string(),
  scheduledStart: z.iso.datetime({ offset: true }),
  scheduledEnd: z.iso.datetime({ offset: true }),
  diagnoses: z.array(z.object({ code: z.string(), display: z.string() })),
  goals: z.array(z.object({ id: z.string(), text: z.string() })),
  chargePerUnit: z.number().nonnegative().optional(),
});

export type Appointment = z.infer<typeof appointmentSchema>;
export type Modality = z.infer<typeof modalitySchema>;
export type ClientLocation = z.infer<typeof clientLocationSchema>;
export type Service = z.infer<typeof serviceSchema>;
