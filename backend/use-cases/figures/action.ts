/** `admin.figures`: the district office's handling figures per station or per deputy. */
import type { FiguresInput, FiguresOutput } from '../../../typings/workspace';
import { figuresInput } from '../../domain/figures';
import { database } from '../../platform/cloudbase';
import type { RoleAction } from '../../platform/define-function';
import type { ResolvedActor } from '../actor';
import { districtFigures } from './district-figures';

export const figuresAction: RoleAction<FiguresInput, FiguresOutput, ResolvedActor> = {
  allow: ['admin'],
  input: figuresInput,
  run: (input, who) => districtFigures(database(), who.actor.district, input),
};
