import { OmitType } from '@nestjs/swagger';
import { ListCommitmentsQuery } from '../commitments/dto/list-commitments.query';

/** The filters and sort of the commitments list; the export has no pages. */
export class ExportCommitmentsQuery extends OmitType(ListCommitmentsQuery, ['cursor', 'limit']) {}
