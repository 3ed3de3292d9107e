import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** The optional idempotency key every bulk mutation's input has (a base class; not in the schema itself). */
@InputType('IdempotentInputBase')
export abstract class IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Retrying with the same key (compared exactly: case, accents, spaces count) and an equivalent input returns the first result and writes nothing; another input is IDEMPOTENCY_KEY_REUSED.',
  })
  @IsOptional()
  @MaxLength(128)
  idempotencyKey?: string | null;
}
