import { Module } from '@nestjs/common';
import { CommitmentsModule } from '../commitments/commitments.module';
import { MyWorkController } from './my-work.controller';
import { MyWorkRepository } from './my-work.repository';
import { MyWorkService } from './my-work.service';

@Module({
  imports: [CommitmentsModule],
  controllers: [MyWorkController],
  providers: [MyWorkRepository, MyWorkService],
})
export class MyWorkModule {}
