import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  DesktopOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  KeyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { IconKey } from './menu';

export const MENU_ICONS: Record<IconKey, ReactNode> = {
  home: <HomeOutlined />,
  org: <BankOutlined />,
  orgs: <ApartmentOutlined />,
  users: <TeamOutlined />,
  sessions: <DesktopOutlined />,
  audit: <AuditOutlined />,
  dict: <BookOutlined />,
  password: <KeyOutlined />,
  rounds: <FlagOutlined />,
  applications: <FileTextOutlined />,
};
