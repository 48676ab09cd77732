/** The limits of 我也遇到 as the deployed function runs them: config/joins.json, checked when the instance starts. */
import joinsConfig from '../../../config/joins.json';
import { joinSettings, type JoinSettings } from '../../domain/join';

export const JOIN_SETTINGS: JoinSettings = joinSettings(joinsConfig);
